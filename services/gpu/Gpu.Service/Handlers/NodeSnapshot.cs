using Mesh.Gpu.Domain;

namespace Mesh.Gpu.Service.Handlers;

/// <summary>
/// A node's state as data: its inventory and the assignments held. Rebuilding a <see cref="GpuNode"/> from it
/// replays them, which also gives readers a private copy of the actor's live state.
/// </summary>
public sealed record NodeSnapshot(
    string Name,
    bool Registered,
    string Arch,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Taint> Taints,
    IReadOnlyList<GpuDevice> Devices,
    IReadOnlyList<GpuDevicesAssigned> Assignments,
    IReadOnlyDictionary<string, Mesh.Contracts.Leaks.LeakMark>? Leaks = null)
{
    public static NodeSnapshot Of(GpuNode node) => new(node.Name, node.Registered, node.Arch,
        new Dictionary<string, string>(node.Labels), node.Taints.ToList(), node.Devices.ToList(), node.Assignments.Values.ToList(),
        new Dictionary<string, Mesh.Contracts.Leaks.LeakMark>(node.Leaks.Marks));

    public GpuNode ToNode()
    {
        var node = new GpuNode(Name);
        if (Registered)
        {
            node.Apply(new GpuNodeRegistered(Name, Arch, Labels, Taints, Devices));
        }
        foreach (var assignment in Assignments)
        {
            node.Apply(assignment);
        }
        node.Leaks.Restore(Leaks ?? new Dictionary<string, Mesh.Contracts.Leaks.LeakMark>());
        return node;
    }

    public static GpuNode Copy(GpuNode node) => Of(node).ToNode();
}
