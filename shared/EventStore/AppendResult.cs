namespace Mesh.EventSourcing;

/// <summary>The events as they were recorded, in append order.</summary>
public sealed record AppendResult(IReadOnlyList<RecordedEvent> Events)
{
    /// <summary>The version of <paramref name="streamId"/> after the append, or null if it was not appended to.</summary>
    public long? VersionOf(string streamId) =>
        Events.LastOrDefault(e => e.StreamId == streamId)?.Version;

    /// <summary>The highest position written.</summary>
    public long LastPosition => Events.Count == 0 ? 0 : Events[^1].Position;
}
