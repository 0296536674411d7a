namespace Mesh.EventSourcing;

/// <summary>Event store settings (section <c>Mesh:EventStore</c>).</summary>
public sealed record EventStoreOptions
{
    /// <summary>Events a tailer or projection reads per batch.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>How often a tailer polls when no notification arrives (a safety net).</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromMilliseconds(500);
}
