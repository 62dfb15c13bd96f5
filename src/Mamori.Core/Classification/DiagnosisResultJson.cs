using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Mamori.Core.Domain;
using Mamori.Core.Measures;

namespace Mamori.Core.Classification;

/// <summary>
/// The contract JSON of `mamori diagnose --json` (design.md). Written by hand, field by field, so the order and the
/// bytes never depend on serializer settings: the same result always gives the same text.
/// </summary>
public static class DiagnosisResultJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Japanese stays readable in the output instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(DiagnosisResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
            Write(w, result);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter w, DiagnosisResult result)
    {
        w.WriteStartObject();
        if (result.PrimaryBarrier is { } primary)
            w.WriteString("primaryBarrier", primary.Code());
        else
            w.WriteNull("primaryBarrier");
        w.WriteNumber("maturityStep", result.MaturityStep);

        w.WriteStartArray("barriers");
        foreach (var b in result.Barriers)
        {
            w.WriteStartObject();
            w.WriteString("stage", b.Stage.Code());
            w.WriteBoolean("blocked", b.Blocked);
            WriteStrings(w, "evidence", b.Evidence);
            WriteStrings(w, "reasons", b.Reasons);
            w.WriteBoolean("unconfirmed", b.Unconfirmed);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("recommendations");
        foreach (var r in result.Recommendations)
        {
            w.WriteStartObject();
            w.WriteString("measureId", r.MeasureId);
            w.WriteString("barrier", r.Barrier.Code());
            w.WriteString("supportType", r.SupportType.Code());
            w.WriteString("title", r.Title);
            w.WriteString("url", r.Url);
            w.WriteString("nextStep", r.NextStep);
            w.WriteBoolean("itBundle", r.ItBundle);
            w.WriteBoolean("local", r.Local);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteBoolean("worryingPattern", result.WorryingPattern);
        w.WriteBoolean("itPlan", result.ItPlan);
        WriteStrings(w, "unanswered", result.Unanswered);
        // Added after the first contract: new fields go last, so readers that walk the fields in order keep working.
        w.WriteBoolean("undetermined", result.Undetermined);
        if (result.ThisWeek is { } thisWeek)
        {
            w.WriteStartObject("thisWeek");
            w.WriteString("measureId", thisWeek.MeasureId);
            w.WriteString("action", thisWeek.Action);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("thisWeek");
        }
        WriteLocalHelp(w, result.LocalHelp);
        w.WriteEndObject();
    }

    private static void WriteLocalHelp(Utf8JsonWriter w, LocalHelp? local)
    {
        if (local is null)
        {
            w.WriteNull("localHelp");
            return;
        }
        w.WriteStartObject("localHelp");
        WriteNullable(w, "prefecture", local.Prefecture);
        WriteNullable(w, "prefectureName", local.PrefectureName);
        WriteStrings(w, "ownMeasures", local.OwnMeasures);
        w.WriteBoolean("nothingFound", local.NothingFound);
        w.WriteString("searched", local.Searched.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        WriteNullable(w, "reviewed", local.Reviewed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteStartArray("desks");
        foreach (var desk in local.Desks)
        {
            w.WriteStartObject();
            w.WriteString("kind", desk.Kind);
            w.WriteString("name", desk.Name);
            WriteNullable(w, "measureId", desk.MeasureId);
            WriteNullable(w, "url", desk.Url);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
            w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
