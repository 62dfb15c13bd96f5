using System.Text.Json;
using Mamori.Cli.Commands;

namespace Mamori.Cli.Tests.Ask;

/// <summary>Runs `mamori ask` in process against the real knowledge/ folder, capturing what it prints.</summary>
internal static class AskRunner
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string? question, bool json = true, params string[] previous)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var services = AskCommand.BuildServices();
        var exit = await AskCommand.RunAsync(new AskCommand.AskInput(question, previous, null, null, json), services, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The JSON answer to one question, which must succeed.</summary>
    public static async Task<JsonElement> AskAsync(string question)
    {
        var (exit, output, error) = await RunAsync(question);
        Assert.True(exit == 0, error);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }
}
