namespace Mesh.EventSourcing.Actors;

/// <summary>Single-writer settings (section <c>Mesh:Writers</c>).</summary>
public sealed record KeyedWriterOptions
{
    /// <summary>The most commands decided together and appended in one transaction.</summary>
    public int MaxBatch { get; init; } = 256;

    /// <summary>How often a batch is decided again after losing a race to another replica.</summary>
    public int MaxAttempts { get; init; } = 20;

    /// <summary>An actor with no work for this long unloads its state.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Read the stream's new events before each batch, so that a replica never answers from a state
    /// another replica has moved on (refusals and idempotent replies append nothing, so the version
    /// check alone would not catch them). One indexed query per batch.
    /// </summary>
    public bool CatchUpBeforeEachBatch { get; init; } = true;
}
