using Mamori.Core.Answering;
using Mamori.Knowledge.Answering;
using static Mamori.Knowledge.Tests.Answering.TestAnswerers;

namespace Mamori.Knowledge.Tests.Answering;

/// <summary>What an owner types about people reaches the model only as placeholders.</summary>
public sealed class RedactionTests
{
    [Fact]
    public async Task モデルには電話番号もメールも名前も届かない()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.ReplyWithChat("パスワードは12文字以上にします[1]。");
        var answerer = Create(Fixture(
            Chunk("usb-rules", "USBメモリの使い方", "社内のきまり", "USBメモリは会社が用意したものだけを使います。"),
            Chunk("passwords", "パスワードの決め方", "長さ", "パスワードは12文字以上にします。")), server, Model.Azure);

        await answerer.AnswerAsync(new QuestionRequest(
            "パスワードの長さは何文字以上？ 経理の田中さん 090-1234-5678 tanaka@example.co.jp に伝えます", []), CancellationToken.None);

        var sent = Assert.Single(server.ChatRequests).MessagesText();
        Assert.Contains("パスワード", sent);
        Assert.DoesNotContain("田中", sent);
        Assert.DoesNotContain("090-1234-5678", sent);
        Assert.DoesNotContain("tanaka@example.co.jp", sent);
        Assert.Contains("〔電話番号〕", sent);
    }
}
