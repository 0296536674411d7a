namespace Mesh.EventSourcing;

/// <summary>How a stream's state is written to and read from a snapshot.</summary>
public interface ISnapshotCodec<TState>
{
    /// <summary>The snapshot's type name; change it when the state's shape changes, so old ones are ignored.</summary>
    string Type { get; }

    /// <summary>Take a snapshot every this many events.</summary>
    int Every { get; }

    /// <summary>The state as JSON.</summary>
    string Serialize(TState state);

    /// <summary>The state from JSON.</summary>
    TState Deserialize(string json);
}
