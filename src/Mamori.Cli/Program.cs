using System.CommandLine;
using Mamori.Cli.Commands;

// The `mamori` tool: one sub-command per file under Commands/. JSON goes to stdout, logs to stderr;
// exit code 0 on success, 2 on bad input (design.md, CLI contract).
var root = new RootCommand("まもり (Mamori): 中小企業の情報セキュリティ対策を後押しする相談ボットのコマンドラインツール");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // Unknown options, missing arguments and the like are bad input too: exit 2, not the library's default 1.
    foreach (var error in parsed.Errors)
        Console.Error.WriteLine($"mamori: {error.Message}");
    Console.Error.WriteLine("mamori --help で使い方を表示します。");
    return 2;
}
return await parsed.InvokeAsync();
