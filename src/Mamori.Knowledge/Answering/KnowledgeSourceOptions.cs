using Mamori.Core;

namespace Mamori.Knowledge.Answering;

/// <summary>
/// Where the index cache is (configuration section `Knowledge`); the documents are the content root's knowledge/docs/
/// (<see cref="ContentRoot"/>, setting Mamori:ContentRoot).
/// </summary>
public sealed class KnowledgeSourceOptions
{
    public const string Section = "Knowledge";

    /// <summary>Folder for knowledge-index.bin and knowledge-dense.bin. Unset: the content root's data/; relative: from the content root.</summary>
    public string? DataPath { get; set; }

    public string DataFolder(ContentRoot content) => DataPath is { Length: > 0 } path ? content.Resolve(path) : content.Data;
}
