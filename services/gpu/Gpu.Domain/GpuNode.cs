namespace Mesh.Gpu.Domain;

/// <summary>
/// One node's GPUs (stream <c>gpu-node-&lt;name&gt;</c>). Owned by the node's single-writer actor, which applies
/// events in place; deciders only read it.
/// </summary>
public sealed class GpuNode
{
    private readonly Dictionary<int, DeviceUsage> usage = [];
    private readonly Dictionary<string, GpuDevicesAssigned> assignments = new(StringComparer.Ordinal);
    private List<GpuDevice> devices = [];

    public GpuNode(string name) => Name = name;

    public string Name { get; }

    /// <summary>IPAM-11b: the pods holding cards here that the node's reports miss.</summary>
    public Mesh.Contracts.Leaks.PodLeakLedger Leaks { get; } = new();

    public bool Registered { get; private set; }

    public string Arch { get; private set; } = "";

    public IReadOnlyDictionary<string, string> Labels { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<Taint> Taints { get; private set; } = [];

    /// <summary>Ordered by index.</summary>
    public IReadOnlyList<GpuDevice> Devices => devices;

    /// <summary>Pod uid to its assignment: the answer a repeated request gets back (COMMON-2).</summary>
    public IReadOnlyDictionary<string, GpuDevicesAssigned> Assignments => assignments;

    public static string StreamId(string node) => $"gpu-node-{node}";

    public static GpuNode From(string name, IEnumerable<object> events)
    {
        var node = new GpuNode(name);
        foreach (var e in events)
        {
            node.Apply(e);
        }
        return node;
    }

    public DeviceUsage UsageOf(int index) => usage.GetValueOrDefault(index, DeviceUsage.Free);

    public GpuDevice? Device(int index) => devices.FirstOrDefault(d => d.Index == index);

    /// <summary>Uids of the pods holding the card, ordered.</summary>
    public IReadOnlyList<string> PodsOn(int index) => assignments.Values
        .Where(a => a.Devices.Any(d => d.Index == index))
        .Select(a => a.PodUid)
        .Order(StringComparer.Ordinal)
        .ToList();

    public void Apply(object @event)
    {
        switch (@event)
        {
            case GpuNodeRegistered e:
                Inventory(e.Arch, e.Labels, e.Taints, e.Devices);
                break;
            case GpuNodeInventoryReported e:
                Inventory(e.Arch, e.Labels, e.Taints, e.Devices);
                break;
            case GpuDeviceHealthChanged e:
                devices = devices.Select(d => d.Index == e.Index ? d with { Healthy = e.Healthy } : d).ToList();
                break;
            case GpuDevicesAssigned e:
                assignments[e.PodUid] = e;
                foreach (var d in e.Devices)
                {
                    usage[d.Index] = UsageOf(d.Index).Add(e.PodUid, e.Exclusive, d);
                }
                break;
            case GpuNodeRemoved:
                Registered = false;
                devices = [];
                usage.Clear();
                Labels = new Dictionary<string, string>();
                Taints = [];
                break;
            default:
                Leaks.Apply(@event);
                break;
            case GpuDevicesReleased e:
                Leaks.Forget(e.PodUid);
                if (assignments.Remove(e.PodUid, out var held))
                {
                    foreach (var d in held.Devices)
                    {
                        usage[d.Index] = UsageOf(d.Index).Remove(held.Exclusive, d);
                    }
                }
                break;
        }
    }

    private void Inventory(string arch, IReadOnlyDictionary<string, string> labels, IReadOnlyList<Taint> taints,
        IReadOnlyList<GpuDevice> reported)
    {
        Registered = true;
        Arch = arch;
        Labels = labels;
        Taints = taints;
        devices = reported.OrderBy(d => d.Index).ToList();
    }
}
