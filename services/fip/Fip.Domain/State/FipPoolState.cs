using Mesh.Addressing;
using Mesh.Fip.Domain.Events;
using Mesh.Fip.Domain.Model;

namespace Mesh.Fip.Domain.State;

// The state of one stream `fip-pool-<externalNetwork>`: the pool, its FIPs, their rules, and what
// is known of released internal addresses. Apply mutates in place; deciders only read.
public sealed class FipPoolState
{
    private readonly Dictionary<string, FloatingIp> fips = new(StringComparer.Ordinal);
    private readonly Dictionary<IpAddress, string> fipByAddress = [];
    private readonly Dictionary<string, string> fipByKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> releasedFips = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NatRule> rules = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Subnet, string Ip), AddressLease> leases = [];

    public PoolSpec? Pool { get; private set; }

    // Allocatable addresses: ranges, minus excludes, network, broadcast and gateway.
    public AddressSet Allocatable { get; private set; } = new();

    public long Version { get; private set; }

    public IReadOnlyCollection<FloatingIp> Fips => fips.Values;

    public IReadOnlyCollection<NatRule> Rules => rules.Values;

    // POOL-1: what is known of an address is known per pool; one address may be held in two pools.
    public IReadOnlyDictionary<(string Subnet, string Ip), AddressLease> Leases => leases;

    public static FipPoolState From(IEnumerable<object> events)
    {
        var state = new FipPoolState();
        foreach (var e in events)
        {
            state.Apply(e);
        }
        return state;
    }

    // Free addresses as ranges (FIP-1: what `fips.neutron.io` shows as available).
    public AddressSet FreeRanges() => Allocatable.Except(AddressSet.Of(fipByAddress.Keys.Select(IpRange.Single)));

    public bool Matches(string pool) => Pool is not null && (Pool.Name == pool || Pool.ExternalNetworkId == pool);

    public FloatingIp? Fip(string name) => fips.GetValueOrDefault(name);

    public FloatingIp? FipAt(IpAddress address) => fipByAddress.TryGetValue(address, out var n) ? fips[n] : null;

    // The annotations `ovn.kubernetes.io/snat` and `ovn.kubernetes.io/eip` name the FIP by its address.
    public FloatingIp? FipAt(string address) => IpAddress.TryParse(address, IpFamily.V4, out var a) ? FipAt(a) : null;

    // The FIP an idempotency key produced, live or since released (COMMON-2).
    public string? FipForKey(string key) => fipByKey.GetValueOrDefault(key);

    public bool WasReleased(string name) => releasedFips.Contains(name);

    public NatRule? Rule(string ruleId) => rules.GetValueOrDefault(ruleId);

    public IEnumerable<NatRule> RulesOf(string fip) => rules.Values.Where(r => r.Fip == fip);

    public IEnumerable<NatRule> RulesOn(string subnet, string internalIp) =>
        rules.Values.Where(r => r.InternalIp == internalIp && r.Subnet == subnet);

    public AddressLease? Lease(string subnet, string ip) => leases.GetValueOrDefault((subnet, ip));

    public int HeldBy(string project) => fips.Values.Count(f => f.Project == project);

    public void Apply(object @event)
    {
        switch (@event)
        {
            case PoolDefined e:
                Pool = e.Pool;
                Allocatable = PoolAddresses.Allocatable(e.Pool);
                break;
            case PoolRangesChanged e when Pool is not null:
                Pool = Pool with { Ranges = e.Ranges, Excludes = e.Excludes };
                Allocatable = PoolAddresses.Allocatable(Pool);
                break;
            case FipAllocated e:
                fips[e.Name] = new FloatingIp(e.Name, e.Project, e.Address, e.IdempotencyKey);
                fipByAddress[Parse(e.Address)] = e.Name;
                fipByKey[e.IdempotencyKey] = e.Name;
                releasedFips.Remove(e.Name);
                break;
            case FipReleased e:
                fips.Remove(e.Name);
                fipByAddress.Remove(Parse(e.Address));
                releasedFips.Add(e.Name);
                break;
            case FipAssociated e:
                rules[e.Rule.RuleId] = e.Rule;
                if (e.Rule.InternalIp is { } ip && e.Rule.Owner is { } owner)
                {
                    var lease = leases.GetValueOrDefault((e.Rule.Subnet, ip));
                    if (lease is null || e.Rule.Generation > lease.Generation)
                    {
                        leases[(e.Rule.Subnet, ip)] = new AddressLease(owner, e.Rule.Generation, false);
                    }
                }
                break;
            case FipDisassociated e:
                rules.Remove(e.RuleId);
                break;
            case TargetReleaseRecorded e:
                var known = leases.GetValueOrDefault((e.Subnet ?? "", e.Ip));
                if (known is null || e.Generation >= known.Generation)
                {
                    leases[(e.Subnet ?? "", e.Ip)] = new AddressLease(e.PodUid, e.Generation, true);
                }
                break;
        }
        Version++;
    }

    private static IpAddress Parse(string address) =>
        IpAddress.TryParse(address, IpFamily.V4, out var a) ? a : throw new InvalidOperationException($"stored address '{address}' is not IPv4");
}
