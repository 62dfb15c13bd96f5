using System.Text;
using Mamori.Core.Messages;
using Mamori.Host.Media;
using Mamori.Host.Reports;

namespace Mamori.Host.Channels.Rendering;

/// <summary>
/// The one side effect of sending a reply, shared by every channel: the stage picture is stored under /media, and a
/// result card leaves a report snapshot behind with a signed link to /report/{id}. Rendering stays pure.
/// </summary>
public sealed class ReplyPublisher(IMediaStore media, IReportSnapshots reports, ReportLinks reportLinks, TimeProvider clock)
{
    /// <param name="lastPicture">
    /// The picture the conversation showed last: the engine may send the stage picture and the result card in separate
    /// replies, and the report prints the picture beside the card.
    /// </param>
    public async Task<PublishedReply> PublishAsync(BotReply reply, ReplyAudience audience, PublishedImage? lastPicture, CancellationToken cancellationToken)
    {
        var image = reply.Image is { } picture ? await StoreAsync(picture, audience, cancellationToken) : null;
        Uri? reportLink = null;
        if (reply.Card is { } card)
        {
            var stage = reply.Report?.Picture is { } reportPicture ? await StoreAsync(reportPicture, audience, cancellationToken) : image ?? lastPicture;
            await reports.SaveAsync(new ReportSnapshot(audience.Conversation, reply.Report?.Card ?? card, stage?.Source, stage?.Url, clock.GetUtcNow()), cancellationToken);
            reportLink = reportLinks.Create(audience.PublicBase, audience.Conversation, audience.UserId);
        }
        return new PublishedReply(reply, image, reportLink);
    }

    /// <summary>A turn's replies in order, each result card with the picture the turn showed before it.</summary>
    public async Task<List<PublishedReply>> PublishTurnAsync(IEnumerable<BotReply> replies, ReplyAudience audience, CancellationToken cancellationToken)
    {
        var published = new List<PublishedReply>();
        PublishedImage? lastPicture = null;
        foreach (var reply in replies)
        {
            var one = await PublishAsync(reply, audience, lastPicture, cancellationToken);
            lastPicture = one.Image ?? lastPicture;
            published.Add(one);
        }
        return published;
    }

    // The PNG where a Japanese font was found, else the SVG; served from /media under an unguessable id.
    private async Task<PublishedImage> StoreAsync(ReplyImage image, ReplyAudience audience, CancellationToken cancellationToken)
    {
        (byte[] bytes, string type) = image.Png is { Length: > 0 } png
            ? (png, "image/png")
            : (Encoding.UTF8.GetBytes(image.Svg), "image/svg+xml");
        string id = await media.AddAsync(bytes, type, cancellationToken);
        return new PublishedImage(image, new Uri(audience.PublicBase, $"/media/{id}").AbsoluteUri, type);
    }
}
