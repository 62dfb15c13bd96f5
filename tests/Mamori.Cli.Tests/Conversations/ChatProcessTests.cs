using System.Diagnostics;
using System.Text;

namespace Mamori.Cli.Tests.Conversations;

/// <summary>`mamori chat` as a separate process with a piped stdin, exactly as a shell script would run it.</summary>
public sealed class ChatProcessTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("mamori-chat-process-").FullName;

    [Fact]
    public async Task A_script_pipes_a_conversation_in_and_reads_the_Japanese_transcript_from_stdout()
    {
        var mamori = Path.Combine(AppContext.BaseDirectory, "mamori.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { mamori, "chat", "--data", _data },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync("診断を始める\n5\n12人くらい\n");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await stderr);
        var transcript = await stdout;
        Assert.Contains("  1) 診断を始める", transcript);
        Assert.Contains("> 5", transcript);                    // button 5 of the industry question: 飲食業
        Assert.Contains("従業員は何名", transcript);
        Assert.Contains("都道府県", transcript);
        Assert.True(File.Exists(Path.Combine(_data, "mamori-state.db")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleanup if a file is still open.
        }
    }
}
