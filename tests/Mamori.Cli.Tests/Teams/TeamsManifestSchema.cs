using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Mamori.Cli.Tests.Teams;

/// <summary>
/// Microsoft's Teams app manifest schema (Schema/MicrosoftTeams.schema.json, see Schema/SOURCE.md), checked offline with
/// JsonSchema.Net, with <c>format</c> enforced as well as <c>pattern</c>, <c>required</c> and the rest.
/// </summary>
internal static class TeamsManifestSchema
{
    private const string Draft04 = "http://json-schema.org/draft-04/schema#";
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>Where the manifest breaks the schema, one line per failed keyword; empty when it conforms.</summary>
    public static IReadOnlyList<string> Errors(JsonNode manifest)
    {
        using var document = JsonDocument.Parse(manifest.ToJsonString());
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        var results = Schema.Value.Evaluate(document.RootElement, options);
        if (results.IsValid)
            return [];
        return (results.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}"))
            .ToList();
    }

    private static JsonSchema Load()
    {
        // The schema declares draft-04, which JsonSchema.Net does not ship. Read as draft-07 it means the same: it uses no
        // keyword whose meaning changed after draft-04 (no `id` keyword, no boolean exclusiveMinimum/Maximum), and the
        // draft-06/07 keywords it does use (`const`, `if`/`then`) are then enforced rather than ignored.
        var registry = new DialectRegistry();
        registry.Register(Dialect.Draft07.With([], id: new Uri(Draft04)));
        var path = Path.Combine(AppContext.BaseDirectory, "Teams", "Schema", "MicrosoftTeams.schema.json");
        return JsonSchema.FromFile(path, new BuildOptions { DialectRegistry = registry });
    }
}
