namespace Mamori.Knowledge.Answering;

/// <summary>A prompt file under prompts/ is missing or invalid. The message names the file and the field.</summary>
public sealed class PromptFileException(string file, string field, string problem)
    : Exception($"{file}: {field}: {problem}")
{
    public string File { get; } = file;
    public string Field { get; } = field;
}
