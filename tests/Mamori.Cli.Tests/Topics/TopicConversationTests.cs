using Mamori.Cli.Tests.Conversations;

namespace Mamori.Cli.Tests.Topics;

/// <summary>
/// Topic buttons through the real engine: a middling question in the menu gets 「次のどれについてのご質問ですか？」 with the
/// likeliest topics as buttons (and a person), and pressing one answers from that document with citations.
/// </summary>
public sealed class TopicConversationTests
{
    [Fact]
    public async Task 近い話題のボタンを押すとその資料から出典つきで答える()
    {
        using var bot = new RealBot();
        await bot.Conversation()
            .Send("うちみたいな小さい店でも被害って実際どのくらいあるの？")
            .ExpectReplyContaining("次のどれについてのご質問ですか？")
            .ExpectButton("中小企業の被害の実態は？")
            .ExpectButton("担当者と話したい")
            .Send("中小企業の被害の実態は？")
            .ExpectCitations()
            .ExpectNoReplyContaining("次のどれについてのご質問ですか？")
            .RunAsync();
    }

    [Fact]
    public async Task 診断の途中で話題を示すときは質問を重ねず続きからのボタンも出し押せば同じ質問に戻る()
    {
        using var bot = new RealBot();
        await bot.Conversation()
            .Send("診断を始める")
            .ExpectReplyContaining("業種")
            .Send("うちみたいな小さい店でも被害って実際どのくらいあるの？")
            .ExpectReplyContaining("次のどれについてのご質問ですか？")
            .ExpectButton("中小企業の被害の実態は？")
            .ExpectButton("続きから")
            .ExpectNoReplyContaining("【1/")   // the diagnosis question does not cover the topic buttons
            .Send("続きから")
            .ExpectReplyContaining("業種")
            .ExpectButton("製造業")
            .RunAsync();
    }
}
