namespace Mesh.EventSourcing;

/// <summary>
/// An append lost the race: the stream was not at the expected version. Reload and decide again.
/// </summary>
public sealed class ConcurrencyException(string streamId, long expectedVersion, long actualVersion)
    : Exception($"stream '{streamId}' is at version {actualVersion}, expected {expectedVersion}")
{
    /// <summary>The contested stream.</summary>
    public string StreamId { get; } = streamId;

    /// <summary>The version the appender expected.</summary>
    public long ExpectedVersion { get; } = expectedVersion;

    /// <summary>The version the stream was at.</summary>
    public long ActualVersion { get; } = actualVersion;
}
