namespace Mesh.Messaging;

/// <summary>Headers every published event carries, so consumers in any language can order and audit them.</summary>
public static class MeshHeaders
{
    /// <summary>The event's global position in its service's log.</summary>
    public const string Position = "mesh-position";

    /// <summary>The stream the event belongs to.</summary>
    public const string Stream = "mesh-stream";

    /// <summary>The event's version in its stream.</summary>
    public const string StreamVersion = "mesh-stream-version";

    /// <summary>The stored event type name.</summary>
    public const string EventType = "mesh-event-type";

    /// <summary>Who caused the event.</summary>
    public const string Principal = "mesh-principal";

    /// <summary>When the event was recorded (ISO 8601).</summary>
    public const string RecordedAt = "mesh-recorded-at";
}
