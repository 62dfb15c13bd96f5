using System.CommandLine;

namespace Mamori.Cli.Commands;

/// <summary>The table of contents of the CLI: add one line per command.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return SearchCommand.Create();
        yield return IngestCommand.Create();
        yield return EvalCommand.Create();
        yield return AskCommand.Create();
        yield return ChatCommand.Create();
        yield return DiagnoseCommand.Create();
        yield return UnderstandCommand.Create();
        yield return BenchCommand.Create();
        yield return TimingCommand.Create();
        yield return TeamsPackageCommand.Create();
        yield return DeskCommand.Create();
        yield return ReviewCommand.Create();
    }
}
