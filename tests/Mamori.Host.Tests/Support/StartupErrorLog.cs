using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mamori.Host.Tests.Support;

/// <summary>The errors a host logged, with their exceptions: what an operator reads when the start is refused.</summary>
internal sealed class StartupErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> Errors => _errors;

    public ILogger CreateLogger(string categoryName) => new Collector(_errors);

    public void Dispose()
    {
    }

    private sealed class Collector(ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                errors.Enqueue(formatter(state, exception) + "\n" + exception);
        }
    }
}
