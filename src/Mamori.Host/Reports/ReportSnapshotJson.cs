using System.Text.Json;
using Mamori.Core.Messages;

namespace Mamori.Host.Reports;

/// <summary>How every report store writes a snapshot's card and picture, so a report reads back the same from either.</summary>
internal static class ReportSnapshotJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Card(ReplyCard card) => JsonSerializer.Serialize(card, Json);

    public static string? Image(ReplyImage? image) => image is null ? null : JsonSerializer.Serialize(image, Json);

    public static ReplyCard ReadCard(string json) => JsonSerializer.Deserialize<ReplyCard>(json, Json)!;

    public static ReplyImage? ReadImage(string? json) => json is null ? null : JsonSerializer.Deserialize<ReplyImage>(json, Json);
}
