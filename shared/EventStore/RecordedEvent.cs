namespace Mesh.EventSourcing;

/// <summary>An event as stored in the log, with its place in it.</summary>
/// <param name="Position">Global position: the order of the whole log.</param>
/// <param name="StreamId">The stream, e.g. <c>subnet-pool-net192</c>.</param>
/// <param name="Version">1-based version within the stream.</param>
/// <param name="EventId">Unique id; consumers are idempotent on it.</param>
/// <param name="Type">The stored, versioned type name, e.g. <c>ipam.ip-allocated.v1</c>.</param>
/// <param name="DataJson">The event body as JSON.</param>
/// <param name="Metadata">Principal, correlation, causation, reason.</param>
/// <param name="Timestamp">When it was recorded (UTC).</param>
public sealed record RecordedEvent(
    long Position,
    string StreamId,
    long Version,
    Guid EventId,
    string Type,
    string DataJson,
    EventMetadata Metadata,
    DateTimeOffset Timestamp)
{
    /// <summary>The deserialized body, or null when the type is not registered in this process.</summary>
    public object? Data { get; init; }
}
