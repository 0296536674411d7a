namespace Mesh.EventSourcing;

/// <summary>
/// Who, why and in what context an event was recorded (DOMAIN.md COMMON-4, SRE-1). Stored with
/// every event as JSON; the time is the event's own <c>created_at</c>.
/// </summary>
/// <param name="Principal">The subject that caused the change (user, service or node agent).</param>
/// <param name="CorrelationId">Joins every event caused by one request, across services.</param>
/// <param name="CausationId">The message or event that directly caused this one.</param>
/// <param name="CommandType">The command that was decided, e.g. <c>AllocateIp</c>.</param>
/// <param name="Reason">A human or machine reason, e.g. <c>LeakReclaimed</c>.</param>
/// <param name="Project">The tenant the change was made for.</param>
/// <param name="TraceParent">W3C trace context, so a publish joins the trace that caused it.</param>
public sealed record EventMetadata(
    string Principal,
    Guid CorrelationId,
    Guid? CausationId = null,
    string? CommandType = null,
    string? Reason = null,
    string? Project = null,
    string? TraceParent = null)
{
    /// <summary>Metadata for work the service does on its own (bootstrap, timers).</summary>
    public static EventMetadata System(string reason) =>
        new("system", Guid.NewGuid(), null, null, reason, null, global::System.Diagnostics.Activity.Current?.Id);

    /// <summary>The same metadata with another command type and reason.</summary>
    public EventMetadata For(string commandType, string? reason = null) =>
        this with { CommandType = commandType, Reason = reason ?? Reason };
}
