using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mamori.Cli.Review;
using Mamori.Core;
using Mamori.Core.Diagnosis;
using Mamori.Core.Measures;
using Mamori.Knowledge;
using Mamori.Knowledge.Documents;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori review [--json] [--today YYYY-MM-DD]`: for the people who keep knowledge/, what needs a human (see
/// <see cref="CatalogReview"/>), as a table or JSON. A report: exit 0 whatever it lists; 1 only when the data does not load.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "結果を JSON で出力する" };
        var today = new Option<string?>("--today") { Description = "基準日 YYYY-MM-DD（省略時は今日）" };
        var command = new Command("review", "支援策カタログと文書のうち、見直しが必要なもの（古い確認日、過ぎた期限、古い数字、トップページのURL、未解決の注意）を一覧にする") { json, today };
        command.SetAction(parse => Run(parse.GetValue(json), parse.GetValue(today), Console.Out, Console.Error, TimeProvider.System));
        return command;
    }

    internal static int Run(bool json, string? todayText, TextWriter stdout, TextWriter stderr, TimeProvider clock, ContentRoot? content = null)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        if (todayText is not null && !DateOnly.TryParseExact(todayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
        {
            stderr.WriteLine($"review: --today must be a date YYYY-MM-DD, got '{todayText}'");
            return 2;
        }

        IReadOnlyList<ReviewItem> items;
        try
        {
            content ??= CliContent.Root;
            var catalog = MeasureCatalogLoader.Load(content, DiagnosisScriptLoader.Load(content));
            items = CatalogReview.Of(catalog, DocumentLoader.LoadFolder(content.Docs), today);
        }
        catch (Exception ex) when (ex is FormatException or IOException or KnowledgeFormatException)
        {
            stderr.WriteLine($"review: {ex.Message}");
            return 1;
        }

        if (json)
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                today = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                items = items.Select(i => new { kind = i.Target.Kind, id = i.Target.Id, file = i.Target.File, check = Code(i.Kind), detail = i.Detail }),
            }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        else
            WriteTable(items, today, stdout);
        return 0;
    }

    private static void WriteTable(IReadOnlyList<ReviewItem> items, DateOnly today, TextWriter stdout)
    {
        stdout.WriteLine($"review as of {today:yyyy-MM-dd}: {items.Count} item(s)");
        foreach (var group in items.GroupBy(i => i.Kind).OrderBy(g => g.Key))
            stdout.WriteLine($"  {Code(group.Key),-16} {group.Count(),3}");
        foreach (var item in items)
        {
            stdout.WriteLine();
            stdout.WriteLine($"{Code(item.Kind),-16} {item.Target.Kind} {item.Target.Id} ({item.Target.File})");
            stdout.WriteLine($"  {item.Detail}");
        }
    }

    internal static string Code(ReviewKind kind) => kind switch
    {
        ReviewKind.NotReviewed => "not-reviewed",
        ReviewKind.PastValidUntil => "past-valid-until",
        ReviewKind.OldFact => "old-fact",
        ReviewKind.TopPageUrl => "top-page-url",
        ReviewKind.SharedUrl => "shared-url",
        ReviewKind.DocumentSource => "document-source",
        _ => "open-caution",
    };
}
