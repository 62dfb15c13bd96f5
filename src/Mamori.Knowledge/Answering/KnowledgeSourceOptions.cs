namespace Mamori.Knowledge.Answering;

/// <summary>Where the knowledge documents and the index cache are (configuration section `Knowledge`).</summary>
public sealed class KnowledgeSourceOptions
{
    public const string Section = "Knowledge";

    /// <summary>The knowledge/ folder (with docs/ inside). Unset: found upwards from the working and application folders.</summary>
    public string? Root { get; set; }

    /// <summary>Folder for data/knowledge-index.bin. Unset: data/ next to the knowledge folder.</summary>
    public string? DataPath { get; set; }
}
