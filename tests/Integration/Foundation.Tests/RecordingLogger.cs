using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mesh.Foundation.Tests;

/// <summary>Keeps the errors logged through it, formatted.</summary>
public sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<string> Errors { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Error)
        {
            Errors.Enqueue(formatter(state, exception));
        }
    }
}
