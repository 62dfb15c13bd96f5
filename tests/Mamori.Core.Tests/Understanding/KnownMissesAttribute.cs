using YamlDotNet.RepresentationModel;
using Mamori.Core.Tests.Diagnosis;

namespace Mamori.Core.Tests.Understanding;

/// <summary>
/// A theory over a spec table's <c>known: miss</c> rows, skipped with a reason that lists every such row, so the test
/// output shows exactly which replies the reader still gets wrong (xunit 2 skips a theory as a whole, not row by row).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KnownMissesAttribute : TheoryAttribute
{
    public KnownMissesAttribute(string specFile)
    {
        var rows = Rows(specFile);
        Skip = rows.Count == 0
            ? null
            : $"{rows.Count} known reader misses in Specs/{specFile} (known: miss), kept as targets until the reader reads them right:\n  "
              + string.Join("\n  ", rows);
    }

    private static List<string> Rows(string specFile)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(TestKnowledge.Specs, specFile)))
            yaml.Load(reader);
        var cases = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("cases")];
        var rows = new List<string>();
        foreach (var node in cases.Children.OfType<YamlMappingNode>())
        {
            string? Get(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;
            if (Get("known") == "miss")
                rows.Add($"{Get("q")}: 「{Get("text")}」 → {Get("outcome") ?? (Get("code") is null or "~" ? "not recorded" : "understood")} {Get("code")}");
        }
        return rows;
    }
}
