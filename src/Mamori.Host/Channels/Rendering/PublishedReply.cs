using Mamori.Core.Dialogs;
using Mamori.Core.Messages;

namespace Mamori.Host.Channels.Rendering;

/// <summary>Who a reply goes to, and the public address its links are built on.</summary>
public sealed record ReplyAudience(ConversationKey Conversation, string UserId, Uri PublicBase);

/// <summary>A picture stored under /media: its absolute URL and type, with the picture itself for the report page.</summary>
public sealed record PublishedImage(ReplyImage Source, string Url, string ContentType);

/// <summary>
/// A reply after <see cref="ReplyPublisher"/> stored what it links to: renderers turn this into a channel's messages
/// without side effects.
/// </summary>
public sealed record PublishedReply(BotReply Reply, PublishedImage? Image, Uri? ReportLink);
