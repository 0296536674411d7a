namespace Mesh.EventSourcing.Actors;

/// <summary>Single-writer settings (section <c>Mesh:Writers</c>), shared by every keyed writer of a service.</summary>
public sealed record KeyedWriterOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string Section = "Mesh:Writers";

    /// <summary>The most commands decided together and appended in one transaction.</summary>
    public int MaxBatch { get; init; } = 256;

    /// <summary>How often a batch is decided again after losing a race to another replica.</summary>
    public int MaxAttempts { get; init; } = 20;

    /// <summary>An actor with no work for this long unloads its state; the key's next command loads it again.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Read the stream's new events before each batch, so that a replica never answers from a state
    /// another replica has moved on (refusals and idempotent replies append nothing, so the version
    /// check alone would not catch them). One indexed query per batch.
    /// </summary>
    public bool CatchUpBeforeEachBatch { get; init; } = true;

    /// <summary>What is wrong with these settings, or null when they are usable.</summary>
    public string? Problem() =>
        MaxBatch < 1 ? $"{Section}:MaxBatch must be at least 1 (is {MaxBatch})"
        : MaxAttempts < 1 ? $"{Section}:MaxAttempts must be at least 1 (is {MaxAttempts})"
        : IdleTimeout <= TimeSpan.Zero ? $"{Section}:IdleTimeout must be positive, e.g. 00:05:00 (is {IdleTimeout})"
        : null;
}
