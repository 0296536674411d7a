using Mesh.Contracts;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;

namespace Mesh.Foundation.Tests;

public sealed record Increment(int By);

/// <summary>A counter stream: the smallest decider, enough to prove the single writer.</summary>
public sealed class CounterBehavior(ISnapshotCodec<int>? snapshots = null) : IStreamBehavior<int, Increment, int>
{
    public string StreamId(string key) => "counter-" + key;
    public int Initial(string key) => 0;
    public int Apply(int state, object @event) => @event is CounterIncremented c ? state + c.By : state;

    public Decision Decide(int state, Increment command) => command.By <= 0
        ? Decision.Reject(new MeshError("InvalidIncrement", $"by must be positive, was {command.By}", ErrorKind.Invalid, "by", command.By.ToString()))
        : Decision.Accept(new CounterIncremented("c", command.By));

    public int Result(int state, Increment command, Decision decision) => state;

    public ISnapshotCodec<int>? Snapshots => snapshots;
}

public sealed class IntSnapshots : ISnapshotCodec<int>
{
    public string Type => "test.counter.v1";
    public int Every => 10;
    public string Serialize(int state) => state.ToString();
    public int Deserialize(string json) => int.Parse(json);
}
