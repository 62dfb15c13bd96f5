using System.Text.Json.Nodes;
using Mamori.Core.Dialogs;
using Mamori.Core.Evidence;
using Mamori.Core.Messages;
using Mamori.Core.Storage;
using Mamori.Host.Channels.Rendering;
using Mamori.Host.Channels.Turns;
using Mamori.Host.Desk.Live;
using Mamori.Host.Reports;
using Mamori.Host.Texts;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Channels.Line;

/// <summary>
/// Answers one LINE event: a new friend is greeted and asked the first question, a text or a postback is a turn, a sticker
/// or picture gets a polite request for text, and a person who blocks the account is forgotten. Replies go out with the
/// free reply token while it is fresh and as counted pushes only when they must, with the loading animation while the
/// bot takes its time. Only one-on-one chats are served; in a group the bot says so once when it is added.
/// </summary>
internal sealed class LineTurns(
    TurnRunner runner,
    ReplyPublisher publisher,
    LineRenderer renderer,
    LineApiClient api,
    LinePushCounter pushes,
    IConversationStore store,
    EvidenceRecorder evidence,
    IReportSnapshots reports,
    DeskChat desk,
    IOptions<LineOptions> options,
    IOptions<HostTexts> texts,
    TimeProvider clock,
    ILogger<LineTurns> logger)
{
    private const string Channel = "line";

    public async Task HandleAsync(LineWork work, CancellationToken ct)
    {
        var evt = work.Event;
        string tenant = work.Tenant.Id;
        if (evt.Source?.Type is not "user")
        {
            if (evt.Type == "join")
                await SendAsync(work, [LineRenderer.Text(texts.Value.LineOneToOneOnly)], replyOnly: true, ct);
            else
                LineLog.Ignored(logger, evt.Type, tenant, "group and room chats are not served");
            return;
        }
        if (work.Pseudonym is not { } user)
        {
            LineLog.Ignored(logger, evt.Type, tenant, "no user id");
            return;
        }

        switch (evt.Type)
        {
            case "follow":
                await AnswerAsync(work, bot => bot.StartAsync(work.Conversation, user, Channel, ct), greet: true, ct);
                break;
            case "unfollow":
                // Blocked: nothing can be sent any more, and the person's answers and result are deleted, as the privacy note
                // says; a request to the desk is withdrawn, so nobody waits to answer a chat that cannot be reached.
                await desk.OwnerLeftAsync(work.Conversation, ct);
                await store.ForgetAsync(work.Conversation, new UserKey(tenant, user), ct);
                await evidence.ForgetAsync(tenant, user, ct);
                await reports.ForgetAsync(work.Conversation.ConversationId, ct);
                LineLog.Forgot(logger, tenant);
                break;
            case "message" when evt.Message is { Type: "text", Text: { Length: > 0 } text }:
                await AnswerAsync(work, bot => bot.HandleAsync(new IncomingTurn(work.Conversation, user, text, Channel, Route: LineOwnerChannel.RouteOf(work)), ct), greet: false, ct);
                break;
            case "message":
                await SendAsync(work, [LineRenderer.Text(texts.Value.LineTextOnly)], replyOnly: false, ct);
                break;
            // A rich-menu button set up by the chamber: its data is read as if typed (e.g. 「診断を始める」).
            case "postback" when evt.Postback?.Data is { Length: > 0 } data:
                await AnswerAsync(work, bot => bot.HandleAsync(new IncomingTurn(work.Conversation, user, data, Channel, Route: LineOwnerChannel.RouteOf(work)), ct), greet: false, ct);
                break;
            default:
                LineLog.Ignored(logger, evt.Type, tenant, "not an event the bot answers");
                break;
        }
    }

    private async Task AnswerAsync(LineWork work, Func<Bot.IConversationBot, Task<TurnResult>> turn, bool greet, CancellationToken ct)
    {
        using var answered = new CancellationTokenSource();
        var loading = LoadingAsync(work, answered.Token);
        IReadOnlyList<JsonObject> messages;
        try
        {
            var result = await runner.RunAsync(work.Conversation, turn, ct);

            var replies = new List<BotReply>();
            if (greet && work.Tenant.Options.Greeting is { Length: > 0 } greeting)
                replies.Add(BotReply.Plain(greeting));
            replies.AddRange(result.Replies);
            var audience = new ReplyAudience(work.Conversation, work.Pseudonym!, work.PublicBase);
            messages = renderer.Render(await publisher.PublishTurnAsync(replies, audience, ct), work.Tenant.Options.PrimaryColor);
        }
        finally
        {
            await answered.CancelAsync();
            await loading;
        }
        await SendAsync(work, messages, replyOnly: false, ct);
    }

    /// <summary>
    /// Five messages per call: the first five with the reply token while it is fresh, anything after (or everything, once
    /// the token is spent or too old) as pushes, each with its own retry key.
    /// </summary>
    private async Task SendAsync(LineWork work, IReadOnlyList<JsonObject> messages, bool replyOnly, CancellationToken ct)
    {
        var account = work.Tenant.Options.Line;
        int perSend = ChannelCapabilities.Line.MaxMessagesPerSend!.Value;
        try
        {
            for (int start = 0; start < messages.Count; start += perSend)
            {
                var batch = messages.Skip(start).Take(perSend).ToList();
                string? why = null;
                if (start == 0 && work.Event.ReplyToken is { Length: > 0 } token && clock.GetUtcNow() - work.ReceivedAt < options.Value.ReplyTokenLifetime)
                {
                    try
                    {
                        await api.ReplyAsync(account, token, batch, ct);
                        continue;
                    }
                    catch (LineApiException ex) when (ex.IsInvalidReplyToken)
                    {
                        why = "the reply token was refused";
                    }
                }
                why ??= start > 0 ? "the answer needed more than five messages"
                    : work.Event.ReplyToken is { Length: > 0 } ? "the reply token had expired" : "the event had no reply token";
                if (replyOnly || work.LineUserId is not { } to)
                    return;
                await api.PushAsync(account, to, batch, Guid.NewGuid(), ct);
                LineLog.Pushed(logger, work.Tenant.Id, why, pushes.Add(work.Tenant.Id));
            }
        }
        catch (LineApiException ex)
        {
            LineLog.SendFailed(logger, ex, work.Tenant.Id, ex.StatusCode);
        }
    }

    // LINE's "…" in the chat while the answer takes more than a moment; it ends by itself with the next message.
    private async Task LoadingAsync(LineWork work, CancellationToken answered)
    {
        try
        {
            await Task.Delay(options.Value.LoadingDelay, clock, answered);
            await api.StartLoadingAsync(work.Tenant.Options.Line, work.LineUserId!, 20, answered);
        }
        catch (OperationCanceledException)
        {
            // Answered before the animation was needed.
        }
        catch (LineApiException ex)
        {
            LineLog.SendFailed(logger, ex, work.Tenant.Id, ex.StatusCode);
        }
    }
}
