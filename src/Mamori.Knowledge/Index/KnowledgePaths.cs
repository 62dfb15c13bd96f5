namespace Mamori.Knowledge.Index;

/// <summary>Where the knowledge folder and the data folder are, by convention relative to the repository root.</summary>
public static class KnowledgePaths
{
    public static string Docs(string knowledgeRoot) => Path.Combine(knowledgeRoot, "docs");

    public static string Synonyms(string knowledgeRoot) => Path.Combine(knowledgeRoot, "dictionary", "synonyms.yaml");

    public static string Eval(string knowledgeRoot) => Path.Combine(knowledgeRoot, "eval");

    /// <summary>The nearest `knowledge/` folder with a `docs/` inside, from the given directory upwards (the repo root's, when run from anywhere in it).</summary>
    public static string? FindKnowledgeRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "knowledge");
            if (Directory.Exists(Docs(candidate)))
                return candidate;
        }
        return null;
    }
}
