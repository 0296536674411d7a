namespace Mesh.EventSourcing;

/// <summary>Events for one stream, appended only if the stream is at <paramref name="ExpectedVersion"/>.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="ExpectedVersion">The stream's current version (0: must not exist yet), or <see cref="ExpectedVersion.Any"/>.</param>
/// <param name="Events">The events, in order.</param>
public sealed record StreamAppend(string StreamId, long ExpectedVersion, IReadOnlyList<NewEvent> Events);
