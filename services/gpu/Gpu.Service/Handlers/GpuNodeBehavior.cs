using System.Text.Json;
using Mesh.Contracts;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Gpu.Domain;

namespace Mesh.Gpu.Service.Handlers;

/// <summary>Stream <c>gpu-node-&lt;name&gt;</c> under its single writer: the domain's decider, snapshots every 100 events.</summary>
public sealed class GpuNodeBehavior : IStreamBehavior<GpuNode, object, GpuNodeReply>, ISnapshotCodec<GpuNode>
{
    private static readonly JsonSerializerOptions Json = EventTypeRegistry.CreateJsonOptions();

    public string StreamId(string key) => GpuNode.StreamId(key);

    public GpuNode Initial(string key) => new(key);

    public GpuNode Apply(GpuNode state, object @event)
    {
        state.Apply(@event);
        return state;
    }

    public Decision Decide(GpuNode state, object command) => GpuNodeDecider.Decide(state, command);

    public GpuNodeReply Result(GpuNode state, object command, Decision decision) => command switch
    {
        AssignGpus c => new GpuNodeReply(state.Assignments.GetValueOrDefault(c.Pod.Uid), [], null),
        ReportDeviceHealth c => new GpuNodeReply(null,
            state.PodsOn(c.Index).Select(uid => state.Assignments[uid]).ToList(), state.Device(c.Index)),
        _ => GpuNodeReply.None,
    };

    public ISnapshotCodec<GpuNode>? Snapshots => this;

    public string Type => "gpu.node-snapshot.v1";

    public int Every => 100;

    public string Serialize(GpuNode state) => JsonSerializer.Serialize(NodeSnapshot.Of(state), Json);

    public GpuNode Deserialize(string json) => JsonSerializer.Deserialize<NodeSnapshot>(json, Json)!.ToNode();
}
