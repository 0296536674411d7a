namespace Mesh.Contracts;

/// <summary>
/// What a decider returns: the events to append, or a refusal. Deciders are pure functions
/// <c>(state, command) -> Decision</c>; the host appends the events.
/// </summary>
public readonly record struct Decision(IReadOnlyList<object> Events, MeshError? Error)
{
    public bool IsRejected => Error is not null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Accept(IReadOnlyList<object> events) => new(events, null);

    /// <summary>The events decided, or <see cref="Nothing"/> when there are none.</summary>
    public static Decision AcceptAny(IReadOnlyList<object> events) => events.Count == 0 ? Nothing : Accept(events);

    /// <summary>Accepted with nothing to record: the command was already applied (COMMON-2).</summary>
    public static Decision Nothing => new(Array.Empty<object>(), null);

    public static Decision Reject(MeshError error) => new(Array.Empty<object>(), error);

    public static implicit operator Decision(MeshError error) => Reject(error);
}
