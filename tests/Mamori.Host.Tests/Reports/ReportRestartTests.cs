using System.Net;
using Mamori.Host.Tests.Support;

namespace Mamori.Host.Tests.Reports;

/// <summary>An owner's report link and the stage picture in the chat, opened after the host restarted on the same data folder.</summary>
public sealed class ReportRestartTests : IDisposable
{
    private readonly DataFolder _data = new("report-restart");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task The_report_link_and_the_picture_from_before_a_restart_still_open()
    {
        var settings = _data.Settings();
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
