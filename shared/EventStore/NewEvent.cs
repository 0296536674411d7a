namespace Mesh.EventSourcing;

/// <summary>An event to append, with its own metadata (a group commit mixes several commands).</summary>
public sealed record NewEvent(object Data, EventMetadata Metadata, Guid EventId)
{
    /// <summary>A new event with a fresh id.</summary>
    public NewEvent(object data, EventMetadata metadata)
        : this(data, metadata, Guid.CreateVersion7())
    {
    }
}
