using Mesh.Addressing;

namespace Mesh.Ipam.Domain.Pools;

/// <summary>
/// The state of stream subnet-pool-&lt;subnet&gt;. Mutable for speed: the single-writer actor owns it
/// and only <see cref="Apply"/> changes it; deciders read it and return events.
/// </summary>
public sealed partial class SubnetPool
{
    private readonly Dictionary<AllocationOwner, Allocation> allocations = [];
    private readonly Dictionary<string, HashSet<string>> interfacesByUid = [];
    private readonly Dictionary<string, HashSet<AllocationOwner>> ownersByNode = [];
    private readonly Dictionary<string, AllocationOwner> macs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Key, string Interface), Allocation> sticky = [];

    public SubnetPool(string subnet) => Subnet = subnet;

    public string Subnet { get; }

    public PoolStatus Status { get; private set; } = PoolStatus.Absent;

    /// <summary>Number of events applied: the stream version the next append expects.</summary>
    public long Version { get; private set; }

    /// <summary>The newest announcement (its place in the sender's log) the spec was taken from; kept after deletion.</summary>
    public long Generation { get; private set; }

    public string Vpc { get; private set; } = "";

    public string CidrBlock { get; private set; } = "";

    public string Provider { get; private set; } = "";

    public string Gateway { get; private set; } = "";

    public IReadOnlyList<string> ExcludeIps { get; private set; } = [];

    public IReadOnlyList<string> ProjectIds { get; private set; } = [];

    public IReadOnlyList<string> Namespaces { get; private set; } = [];

    public FamilyPool? V4 { get; private set; }

    public FamilyPool? V6 { get; private set; }

    public IEnumerable<FamilyPool> Families => new[] { V4, V6 }.OfType<FamilyPool>();

    public bool Exists => Status is PoolStatus.Open or PoolStatus.Closing;

    public int AllocationCount => allocations.Count;

    public IEnumerable<Allocation> Allocations => allocations.Values;

    public FamilyPool? Family(IpFamily family) => family == IpFamily.V4 ? V4 : V6;

    public Allocation? AllocationOf(string podUid, string iface) =>
        allocations.GetValueOrDefault(new AllocationOwner(podUid, iface));

    public IEnumerable<Allocation> AllocationsOf(string podUid) =>
        interfacesByUid.TryGetValue(podUid, out var ifaces)
            ? ifaces.Order(StringComparer.Ordinal).Select(i => allocations[new AllocationOwner(podUid, i)])
            : [];

    public IEnumerable<Allocation> AllocationsOn(string node) =>
        ownersByNode.TryGetValue(node, out var owners) ? owners.Select(o => allocations[o]) : [];

    /// <summary>IPAM-13: who holds this address now (history as of a time is the service's projection).</summary>
    public Allocation? HolderOf(string address)
    {
        return IpAddress.TryParseHost(address, out var parsed) ? HolderOf(parsed.Family, parsed.Value) : null;
    }

    public Allocation? HolderOf(IpFamily family, UInt128 address) =>
        Family(family)?.Holders.TryGetValue(address, out var owner) == true ? allocations[owner] : null;

    public Allocation? HolderOfMac(string mac) =>
        macs.TryGetValue(mac, out var owner) ? allocations[owner] : null;

    /// <summary>IPAM-10: the last allocation made under a sticky key, kept after its release.</summary>
    public Allocation? StickyMemory(string key, string iface) => sticky.GetValueOrDefault((key, iface));

    public PoolUsage? Usage(IpFamily family) => Family(family)?.Usage;

    public static SubnetPool Replay(string subnet, IEnumerable<object> events)
    {
        var pool = new SubnetPool(subnet);
        foreach (var e in events)
        {
            pool.Apply(e);
        }
        return pool;
    }
}
