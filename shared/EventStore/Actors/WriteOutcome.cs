using Mesh.Contracts;

namespace Mesh.EventSourcing.Actors;

/// <summary>The decision for one command, the caller's result, and the stream version it was committed at.</summary>
public sealed record WriteOutcome<TResult>(Decision Decision, TResult Result, long Version);
