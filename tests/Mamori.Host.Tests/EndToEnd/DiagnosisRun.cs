using Microsoft.Playwright;

namespace Mamori.Host.Tests.EndToEnd;

/// <summary>
/// A whole diagnosis the way an owner would do it: buttons for most questions, typed Japanese for some, a side question
/// part-way (answered with sources, then the diagnosis resumes at the same question), and a page reload part-way (the
/// conversation continues where it was).
/// </summary>
internal static class DiagnosisRun
{
    private const string SideQuestion = "パスワードは何文字以上にすればいいですか？";

    /// <summary>Typed answers by a word in the question: the rest are answered with the first button.</summary>
    private static readonly (string Cue, string Typed)[] TypedAnswers =
    [
        ("業種", "製造業です"),
        ("従業員は何名", "12人くらい"),   // not just 従業員: 「お客様や従業員の情報を守ること」 is another question
        ("都道府県", "東京都"),
        ("予算", "年10万円くらい"),   // rough, at the bottom of 年10〜50万円: asked back with both bands
    ];

    public static async Task RunAsync(WebChatDriver chat, Func<Task> reload)
    {
        await chat.WaitForAsync(async () => (await chat.ButtonsAsync()).Contains("診断を始める"), "the greeting with its buttons");
        await chat.PressAsync("診断を始める");

        bool askedSide = false, reloaded = false;
        int lastQuestion = 0, repeats = 0;
        for (int step = 0; step < 80 && !await chat.HasResultCardAsync(); step++)
        {
            int question = await chat.CurrentQuestionAsync();
            Assert.True(question > 0, "the bot should be asking a numbered question");
            repeats = question == lastQuestion ? repeats + 1 : 0;
            // The same number may come back a few times legitimately: a reload, the side question, and a guess asked back
            // (「…ということでよろしいですか？」) all keep the diagnosis at its question.
            Assert.True(repeats < 5, $"question {question} keeps coming back");
            lastQuestion = question;

            if (question >= 5 && !askedSide)
            {
                askedSide = true;
                int before = (await chat.BotTextsAsync()).Length;
                await chat.TypeAsync(SideQuestion);
                var answer = (await chat.BotTextsAsync()).Skip(before).ToList();
                Assert.Contains(answer, t => t.Contains("出典", StringComparison.Ordinal));
                Assert.Equal(question, await chat.CurrentQuestionAsync());   // the diagnosis resumes where it was
                continue;
            }

            if (question >= 9 && !reloaded)
            {
                reloaded = true;
                int bubbles = (await chat.BotTextsAsync()).Length;
                await reload();
                await chat.WaitForAsync(async () => (await chat.BotTextsAsync()).Length >= bubbles, "the transcript to come back after the reload", TimeSpan.FromSeconds(30));
                await chat.WaitForAsync(async () => (await chat.ButtonsAsync()).Length > 0, "the question's buttons after the reload");
                Assert.Equal(question, await chat.CurrentQuestionAsync());
                continue;
            }

            string[] texts = await chat.BotTextsAsync();
            string current = texts.Last(t => t.Contains('【'));
            string[] buttons = await chat.ButtonsAsync();
            // The bot asks back (「…ということでよろしいですか？」, or 「…は、次のどれにあたりますか？」 with the candidates and
            // 「ちがう（選び直す）」): the owner agrees with its guess, the first button.
            bool askedBack = !texts[^1].Contains('【') && (buttons.FirstOrDefault() == "はい" || buttons.Contains("ちがう（選び直す）"));
            string? typed = askedBack ? null : TypedAnswers.FirstOrDefault(a => current.Contains(a.Cue, StringComparison.Ordinal)).Typed;
            if (typed is not null)
                await chat.TypeAsync(typed);
            else if (buttons.Length > 0)
                await chat.PressAsync(buttons[0]);
            else
                await chat.TypeAsync("わからない");
        }

        Assert.True(askedSide && reloaded, "the run should include the side question and the reload");
        Assert.True(await chat.HasResultCardAsync(), "the diagnosis should end with the result card");
    }

    /// <summary>Enter that confirms an IME conversion must not send; a plain Enter afterwards does.</summary>
    public static async Task AssertImeEnterDoesNotSendAsync(IPage page, WebChatDriver chat)
    {
        int usersBefore = await chat.UserCountAsync();
        await chat.SendBox.FocusAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Input.imeSetComposition", new() { ["text"] = "しつもん", ["selectionStart"] = 4, ["selectionEnd"] = 4 });
        // While composing, Chromium reports Enter as keyCode 229 with isComposing: this is the conversion being confirmed.
        await cdp.SendAsync("Input.dispatchKeyEvent", new() { ["type"] = "rawKeyDown", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 229 });
        await cdp.SendAsync("Input.insertText", new() { ["text"] = "質問" });
        await cdp.SendAsync("Input.dispatchKeyEvent", new() { ["type"] = "keyUp", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 229 });
        await Task.Delay(1000);
        Assert.Equal(usersBefore, await chat.UserCountAsync());
        Assert.Equal("質問", await chat.SendBox.InputValueAsync());
        await chat.SendBox.FillAsync("");
    }
}
