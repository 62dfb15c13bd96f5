using System.CommandLine;
using Mamori.Cli.Commands;

// The `mamori` tool: one sub-command per file under Commands/. JSON goes to stdout, logs to stderr;
// exit code 0 on success, 2 on bad input (design.md, CLI contract).
var root = new RootCommand("まもり (Mamori): 中小企業の情報セキュリティ対策を後押しする相談ボットのコマンドラインツール");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);

return await root.Parse(args).InvokeAsync();
