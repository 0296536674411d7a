using System.Security.Cryptography;
using System.Text;
using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Contracts.Fip;
using Mesh.Fip.Domain.Errors;
using Mesh.Fip.Service.Projections;
using Mesh.Fip.Service.World;
using Mesh.Hosting;

namespace Mesh.Fip.Service.Handlers;

// The seeds' pod path: `ovn.kubernetes.io/snat: <addr>` and `ovn.kubernetes.io/eip: <addr>` on a pod.
public sealed class PodNatHandler(Catalog catalog, WorldModel world, AllocationHandler allocations, AssociationHandler associations)
{
    public const string SnatAnnotation = "ovn.kubernetes.io/snat";
    public const string EipAnnotation = "ovn.kubernetes.io/eip";

    public async Task<PodNatApplied> ApplyAsync(Caller caller, ApplyPodNat pod)
    {
        Authorize(caller, pod.Project, pod.PodUid);
        var wanted = new[] { ("snat", SnatAnnotation), ("eip", EipAnnotation) }
            .Where(a => pod.Annotations.TryGetValue(a.Item2, out var v) && !string.IsNullOrWhiteSpace(v))
            .Select(a => (Kind: a.Item1, Key: a.Item2, Address: IpAddress.Canonical(pod.Annotations[a.Item2], IpFamily.V4)
                ?? throw new MeshException(FipErrors.InvalidIp($"annotations.{a.Item2}", pod.Annotations[a.Item2]))))
            .ToList();
        var podIp = (pod.IpAddress ?? "").Split(',').Select(a => IpAddress.Canonical(a.Trim(), IpFamily.V4)).FirstOrDefault(a => a is not null)
            ?? throw new MeshException(FipErrors.InvalidIp("ipAddress", pod.IpAddress));
        if (DnsName.Check(pod.PodName, "podName") is { } badName)
        {
            throw new MeshException(badName);
        }
        if (wanted.Count == 0)
        {
            return new PodNatApplied(pod.PodUid, []);
        }
        await AwaitAllocationAsync(pod.PodUid, podIp);
        var rules = new List<FipRule>();
        try
        {
            foreach (var (kind, key, address) in wanted)
            {
                var fip = await FipForAsync(caller, pod, key, address);
                rules.Add(await associations.AssociateAsync(caller, new AssociateFip
                {
                    Project = pod.Project, Kind = kind, Name = RuleId(pod.PodUid, kind), OvnEip = fip, V4Ip = kind == "eip" ? podIp : null, V4IpCidr = kind == "snat" ? podIp : null,
                }));
            }
        }
        catch (MeshException)
        {
            // One part refused: the parts already given go again (ARCHITECTURE: pod lifecycle commands).
            await ReleaseAsync(caller, new ReleasePodNat { Project = pod.Project, PodUid = pod.PodUid });
            throw;
        }
        return new PodNatApplied(pod.PodUid, rules);
    }

    public async Task<PodNatReleased> ReleaseAsync(Caller caller, ReleasePodNat pod)
    {
        Authorize(caller, pod.Project, pod.PodUid);
        var removed = new List<string>();
        foreach (var kind in new[] { "snat", "eip" })
        {
            var result = await associations.DisassociateAsync(caller, new DisassociateFip { Project = pod.Project, Name = RuleId(pod.PodUid, kind) });
            if (result.Existed)
            {
                removed.Add(result.Name);
            }
        }
        var released = new List<string>();
        foreach (var fip in await catalog.FipsByKeyPrefixAsync(KeyPrefix(pod.PodUid)))
        {
            var result = await allocations.ReleaseAsync(caller, new ReleaseFip { Project = pod.Project, Name = fip.Name, Cascade = true });
            if (result.Released)
            {
                released.Add(fip.Name);
            }
        }
        return new PodNatReleased(pod.PodUid, removed, released);
    }

    // The FIP holding the address, or one allocated to the pod's project now (the seed: FIPs are recorded
    // and reclaimed automatically); the latter is released with the pod.
    private async Task<string> FipForAsync(Caller caller, ApplyPodNat pod, string annotation, string address)
    {
        if (await catalog.FipAtAsync(address) is { } held)
        {
            return held.Name;
        }
        var pool = await catalog.PoolContainingAsync(address) ?? throw new MeshException(new MeshError(FipErrorCodes.AddressNotInPool,
            $"annotations.{annotation} '{address}' is in no floating IP pool", ErrorKind.Invalid, $"annotations.{annotation}", address,
            "use an address of a fips.neutron.io pool (GET /apis/neutron.io/v1/fips shows the free ones)"));
        var allocation = await allocations.AllocateAsync(caller, new AllocateFip
        {
            Project = pod.Project, Name = "fip-" + address.Replace('.', '-'), ExternalSubnet = pool.ExternalNetworkId, V4Ip = address,
            IdempotencyKey = KeyPrefix(pod.PodUid) + address,
        });
        return allocation.Name;
    }

    // The pod path usually runs right after IPAM answered; its AddressAllocated may still be in flight.
    private async Task AwaitAllocationAsync(string podUid, string ip)
    {
        for (var i = 0; i < 40; i++)
        {
            if ((await world.AddressesAsync(ip)).Any(a => !a.Released && a.PodUid == podUid))
            {
                return;
            }
            await Task.Delay(50);
        }
    }

    private static void Authorize(Caller caller, string project, string podUid)
    {
        if (!caller.CanActOn(project))
        {
            throw new MeshException(FipErrors.Forbidden($"pod {podUid}", project, caller.Project));
        }
    }

    public static string RuleId(string podUid, string kind) => $"pod-{Label(podUid)}-{kind}";

    private static string KeyPrefix(string podUid) => $"pod:{podUid}:";

    private static string Label(string uid)
    {
        var lower = uid.Trim().ToLowerInvariant();
        return lower.Length <= 50 && DnsName.Check(lower) is null
            ? lower
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uid)))[..32];
    }
}
