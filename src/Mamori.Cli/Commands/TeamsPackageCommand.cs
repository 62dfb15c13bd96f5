using System.CommandLine;
using Mamori.Cli.Teams;

namespace Mamori.Cli.Commands;

/// <summary>
/// `mamori teams-package --app-id ID --host https://HOST [--out FILE]`: writes the Teams app package (manifest.json,
/// color.png, outline.png) for the Azure Bot whose messaging endpoint is https://HOST/api/messages (docs/teams.md).
/// Exit 2 on bad input.
/// </summary>
internal static class TeamsPackageCommand
{
    public const string DefaultOutput = "mamori-teams.zip";

    public static Command Create()
    {
        var appId = new Option<string?>("--app-id") { Description = "Azure Bot の Microsoft App ID（GUID）", Required = true };
        var host = new Option<string?>("--host") { Description = "ボットを公開している https のオリジン（例: https://mamori.example.jp）。/api/messages がメッセージの受け口", Required = true };
        var output = new Option<string>("--out") { Description = $"書き出す zip ファイル（省略時は {DefaultOutput}）", DefaultValueFactory = _ => DefaultOutput };
        var command = new Command("teams-package", "Microsoft Teams にアップロードするアプリ パッケージ（zip）を作る") { appId, host, output };
        command.SetAction(parse => Run(parse.GetValue(appId), parse.GetValue(host), parse.GetValue(output)!, Console.Out, Console.Error));
        return command;
    }

    internal static int Run(string? appId, string? host, string outputPath, TextWriter stdout, TextWriter stderr)
    {
        if (!TeamsAppTarget.TryParse(appId, host, out var target, out var error))
            return Fail(stderr, error);
        try
        {
            using (var file = File.Create(outputPath))
                TeamsAppPackage.Write(target, file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"cannot write {outputPath}: {ex.Message}");
        }
        stdout.WriteLine($"{Path.GetFullPath(outputPath)}: Teams app for bot {target.AppId} at {target.Host}api/messages");
        return 0;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"teams-package: {message}");
        return 2;
    }
}
