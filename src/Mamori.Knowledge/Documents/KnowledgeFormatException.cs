namespace Mamori.Knowledge;

/// <summary>A knowledge file that cannot be used; the message names the file and the field so the author can fix it.</summary>
public sealed class KnowledgeFormatException(string path, string field, string problem)
    : Exception($"{path}: {field}: {problem}")
{
    public string FilePath { get; } = path;

    public string Field { get; } = field;
}
