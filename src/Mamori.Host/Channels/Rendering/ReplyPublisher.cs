using System.Text;
using Mamori.Core.Messages;
using Mamori.Host.Media;
using Mamori.Host.Reports;

namespace Mamori.Host.Channels.Rendering;

/// <summary>
/// The one side effect of sending a reply, shared by every channel: the stage picture is stored under /media, and a
/// result card leaves a report snapshot behind with a signed link to /report/{id}. Rendering stays pure.
/// </summary>
public sealed class ReplyPublisher(MediaStore media, ReportSnapshots reports, ReportLinks reportLinks, TimeProvider clock)
{
    /// <param name="lastPicture">
    /// The picture the conversation showed last: the engine may send the stage picture and the result card in separate
    /// replies, and the report prints the picture beside the card.
    /// </param>
    public PublishedReply Publish(BotReply reply, ReplyAudience audience, PublishedImage? lastPicture)
    {
        var image = reply.Image is { } picture ? Store(picture, audience) : null;
        Uri? reportLink = null;
        if (reply.Card is { } card)
        {
            var stage = reply.Report?.Picture is { } reportPicture ? Store(reportPicture, audience) : image ?? lastPicture;
            reports.Save(new ReportSnapshot(audience.Conversation, reply.Report?.Card ?? card, stage?.Source, stage?.Url, clock.GetUtcNow()));
            reportLink = reportLinks.Create(audience.PublicBase, audience.Conversation, audience.UserId);
        }
        return new PublishedReply(reply, image, reportLink);
    }

    /// <summary>A turn's replies in order, each result card with the picture the turn showed before it.</summary>
    public List<PublishedReply> PublishTurn(IEnumerable<BotReply> replies, ReplyAudience audience)
    {
        var published = new List<PublishedReply>();
        PublishedImage? lastPicture = null;
        foreach (var reply in replies)
        {
            var one = Publish(reply, audience, lastPicture);
            lastPicture = one.Image ?? lastPicture;
            published.Add(one);
        }
        return published;
    }

    // The PNG where a Japanese font was found, else the SVG; served from /media under an unguessable id.
    private PublishedImage Store(ReplyImage image, ReplyAudience audience)
    {
        (byte[] bytes, string type) = image.Png is { Length: > 0 } png
            ? (png, "image/png")
            : (Encoding.UTF8.GetBytes(image.Svg), "image/svg+xml");
        return new PublishedImage(image, new Uri(audience.PublicBase, $"/media/{media.Add(bytes, type)}").AbsoluteUri, type);
    }
}
