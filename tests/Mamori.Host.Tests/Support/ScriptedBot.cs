using Mamori.Core.Dialogs;
using Mamori.Core.Messages;
using Mamori.Host.Bot;

namespace Mamori.Host.Tests.Support;

/// <summary>
/// A tiny bot for protocol tests: it greets with two buttons and answers each message so the tests can see
/// which turn a reply belongs to. Special words trigger a card, a long answer, a slow answer or a failure.
/// </summary>
internal sealed class ScriptedBot : IConversationBot
{
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public Task<TurnResult> StartAsync(ConversationKey conversation, string userId, string channelId, CancellationToken ct) =>
        Task.FromResult(new TurnResult([new BotReply
        {
            Text = "こんにちは。診断を始めますか？",
            Choices = [new ReplyChoice("はい"), new ReplyChoice("いいえ")],
        }]));

    public async Task<TurnResult> HandleAsync(IncomingTurn turn, CancellationToken ct)
    {
        switch (turn.Text)
        {
            case "遅い":
                await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
                return Reply("お待たせしました。");
            case "失敗":
                throw new InvalidOperationException("scripted failure");
            case "長文":
                return Reply(string.Join("\n\n", Enumerable.Range(1, 6).Select(i => $"第{i}段落です。" + new string('あ', 150) + "。")));
            case "カード":
                return new TurnResult([new BotReply
                {
                    Text = "診断の結果です。",
                    Image = new ReplyImage("段階の図", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", Png),
                    Card = new ReplyCard("診断結果：意識の段階で止まっています", [
                        new CardSection("おすすめの支援", [new CardItem("SECURITY ACTION", "まず一つ星を宣言しましょう。", "https://www.ipa.go.jp/security/security-action/")]),
                        new CardSection("次の一歩", [new CardItem("5分でできる自社診断", "社内で回答してみましょう。")]),
                    ]),
                    Citations = [new Citation("five-basics", "情報セキュリティ5か条", "https://www.ipa.go.jp/security/guide/sme/5jouken.html")],
                    Choices = [new ReplyChoice("もう一度")],
                }]);
            default:
                return Reply($"受け取りました：{turn.Text}");
        }
    }

    private static TurnResult Reply(string text) => new([BotReply.Plain(text)]);
}
