using System.CommandLine;
using System.Text;
using Mamori.Core;
using Mamori.Core.Dialogs;
using Mamori.Core.Messages;
using Mamori.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori chat [--data DIR] [--conversation ID] [--user ID] [--tenant ID]`: the same conversation as on the web, in the
/// console. Buttons are printed as numbers; typing the number, the label or free text all work. Reads stdin to its end,
/// so a script can pipe a conversation in and read the transcript from stdout (logs go to stderr).
/// </summary>
internal static class ChatCommand
{
    public const string StateFileName = "mamori-state.db";

    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = $"会話の状態を保存するフォルダ（既定: data/。中に {StateFileName} を作ります）" };
        var conversation = new Option<string?>("--conversation") { Description = "続きから話す会話の ID（省略時は毎回新しい会話）" };
        var user = new Option<string?>("--user") { Description = "利用者 ID（同じ ID なら前回の診断結果を覚えています。既定: console-user）" };
        var tenant = new Option<string?>("--tenant") { Description = "商工会議所などのテナント ID（既定: default）" };
        var command = new Command("chat", "コンソールでまもりと会話する（診断・質問・コマンド）") { data, conversation, user, tenant };
        command.SetAction((parse, ct) => RunAsync(
            new ChatSettings(parse.GetValue(data), parse.GetValue(conversation), parse.GetValue(user), parse.GetValue(tenant)),
            Console.In, Console.Out, interactive: !Console.IsInputRedirected, ct));
        return command;
    }

    internal static async Task<int> RunAsync(ChatSettings settings, TextReader input, TextWriter output, bool interactive, CancellationToken cancellationToken)
    {
        if (settings.Problem() is { } problem)
        {
            Console.Error.WriteLine($"chat: {problem}");
            return 2;
        }
        if (ReferenceEquals(output, Console.Out))
            Console.OutputEncoding = Encoding.UTF8;

        await using var services = BuildServices(settings.DataFolder);
        DialogEngine engine;
        try
        {
            engine = services.GetRequiredService<DialogEngine>();
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"chat: configuration is invalid: {string.Join(" ", e.Failures)}");
            return 1;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            // Broken or missing data (knowledge/, prompts/): the message names the file; no stack trace for the user.
            Console.Error.WriteLine($"chat: could not load the bot's data: {e.Message}");
            return 1;
        }
        var wording = services.GetRequiredService<DialogLanguage>().Wording;
        var key = new ConversationKey(settings.TenantId ?? "default", settings.ConversationId ?? $"console-{Guid.NewGuid():N}");
        var userId = settings.UserId ?? "console-user";

        var result = await engine.StartAsync(key, userId, "console", cancellationToken);
        Print(result, wording, output);
        if (interactive)
            await output.WriteLineAsync(wording.ConsoleChoiceHint);
        while (!result.Ended)
        {
            if (interactive)
                await output.WriteAsync("> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
                break;
            result = await engine.HandleAsync(new IncomingTurn(key, userId, ButtonOrText(line, result), "console"), cancellationToken);
            if (!interactive)
                await output.WriteLineAsync($"> {line}");
            Print(result, wording, output);
        }
        await output.FlushAsync(cancellationToken);
        return 0;
    }

    /// <summary>A bare number picks the button with that number, as printed; anything else is sent as typed.</summary>
    internal static string ButtonOrText(string line, TurnResult last)
    {
        var choices = last.Replies.Count > 0 ? last.Replies[^1].Choices : [];
        var folded = line.Trim().Normalize(NormalizationForm.FormKC);
        return int.TryParse(folded, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
               && n >= 1 && n <= choices.Count
            ? choices[n - 1].Label
            : line;
    }

    private static void Print(TurnResult result, DialogWording wording, TextWriter output)
    {
        foreach (var reply in result.Replies)
        {
            output.WriteLine(reply.Text);
            // The report's card repeats its text replies; a console shows the text and only names the card.
            if (reply.Card is not null)
                output.WriteLine(wording.ConsoleCardNote);
            if (reply.Image is { } image)
                output.WriteLine($"{wording.ConsoleImageLabel} {image.AltText}");
            if (reply.Citations.Count > 0)
            {
                output.WriteLine($"{wording.SourcesHeading}:");
                for (var i = 0; i < reply.Citations.Count; i++)
                    output.WriteLine($"  [{i + 1}] {reply.Citations[i].Title} {reply.Citations[i].Url}");
            }
            for (var i = 0; i < reply.Choices.Count; i++)
                output.WriteLine($"  {i + 1}) {reply.Choices[i].Label}");
            output.WriteLine();
        }
        if (result.Handoff is not null)
            output.WriteLine(wording.ConsoleHandoffNote);
    }

    internal static ServiceProvider BuildServices(string? dataFolder)
    {
        var overrides = new Dictionary<string, string?>();
        if (dataFolder is not null)
            overrides["Mamori:State:SqlitePath"] = Path.Combine(Path.GetFullPath(dataFolder), StateFileName);
        var configuration = CliContent.Configuration(overrides);   // the content root is located from it, as by every command

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
        services.AddMamoriCore(configuration);
        services.AddMamoriKnowledge(configuration);
        return services.BuildServiceProvider();
    }
}

/// <param name="DataFolder">Folder of the SQLite state file; null: Mamori:State:SqlitePath (default data/).</param>
/// <param name="ConversationId">Continue this conversation; null: a new one.</param>
internal sealed record ChatSettings(string? DataFolder, string? ConversationId, string? UserId, string? TenantId)
{
    public string? Problem() =>
        ConversationId is { Length: 0 or > 200 } ? "--conversation must be 1-200 characters."
        : UserId is { Length: 0 or > 200 } ? "--user must be 1-200 characters."
        : TenantId is { Length: 0 or > 100 } ? "--tenant must be 1-100 characters."
        : DataFolder is { Length: 0 } ? "--data must name a folder."
        : null;
}
