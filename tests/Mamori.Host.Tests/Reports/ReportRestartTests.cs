using System.Net;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Reports;

/// <summary>An owner's report link and the stage picture in the chat, opened after the host restarted on the same data folder.</summary>
public sealed class ReportRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mamori-report-restart-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open: the temp folder is cleaned by the system
        }
    }

    [Fact]
    public async Task The_report_link_and_the_picture_from_before_a_restart_still_open()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Channels:DirectLine:SqlitePath"] = Path.Combine(_folder, "directline.db"),
            ["Access:TokenSigningKeyFile"] = Path.Combine(_folder, "token-signing.key"),
            ["Reports:SqlitePath"] = Path.Combine(_folder, "reports.db"),
            ["Media:SqlitePath"] = Path.Combine(_folder, "media.db"),
        };
        string reportUrl, pictureUrl;
        byte[] picture;
        using (var first = new HostFactory(scripted: true, settings))
        {
            var chat = await DirectLineClient.StartAsync(first, "chamber");
            string id = await chat.PostAsync("カード");
            var replies = await chat.WaitForAsync(a => a.Count(x => (string?)x!["replyToId"] == id) == 3);
            var mine = replies.Where(x => (string?)x!["replyToId"] == id).ToList();
            pictureUrl = (string)mine[0]!["attachments"]![0]!["contentUrl"]!;
            reportUrl = (string)mine[1]!["attachments"]![0]!["content"]!["actions"]![0]!["url"]!;
            picture = await chat.Http.GetByteArrayAsync(pictureUrl);
        }

        using var second = new HostFactory(scripted: true, settings);
        using var http = second.NewClient();
        // The links carry the first host's address; the second listens elsewhere, so only the path and query are kept.
        using var report = await http.GetAsync(new Uri(reportUrl).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        string html = await report.Content.ReadAsStringAsync();
        Assert.Contains("<h1>診断結果：意識の段階で止まっています</h1>", html);
        Assert.Contains("alt=\"段階の図\"", html);

        using var image = await http.GetAsync(new Uri(pictureUrl).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(picture, await image.Content.ReadAsByteArrayAsync());
    }
}
