using System.Security.Cryptography;
using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.EventSourcing;
using Mesh.Ipam.Domain;
using Mesh.Ipam.Domain.Choosing;
using Mesh.Ipam.Service.Directory;
using Microsoft.Extensions.Options;
using Bus = Mesh.Contracts.Ipam;
using Cmd = Mesh.Ipam.Domain.Commands;

namespace Mesh.Ipam.Service.Handlers;

/// <summary>
/// AllocateIp / ReleaseIp / ReportLivePods, for the bus consumers and the HTTP API alike: choose the
/// subnet (IPAM-3), hand the command to the pool's single writer, shape the answer.
/// </summary>
public sealed class AllocationHandler(
    PoolWriter pools, SubnetDirectoryCache directory, IpamQueries queries, UsageTracker usage,
    IOptions<IpamOptions> options, TimeProvider clock)
{
    public async Task<(Bus.IpAllocation? Ok, MeshError? Error)> AllocateAsync(Bus.AllocateIp c, EventMetadata meta, CancellationToken ct)
    {
        var (choices, choiceError) = await ChooseAsync(c, ct);
        if (choiceError is not null)
        {
            return (null, choiceError);
        }
        var iface = string.IsNullOrWhiteSpace(c.Interface) ? "eth0" : c.Interface;
        if (!string.IsNullOrWhiteSpace(c.PodUid))
        {
            var held = (await queries.HoldingsOfPodAsync(c.PodUid, ct)).Where(h => h.Interface == iface).ToList();
            // IPAM-4 across pools: the interface's address is in a subnet this request does not take: a conflict,
            // never a second address (found by the address-space property test, issue 27.6).
            if (held.FirstOrDefault(h => !choices.Contains(h.Subnet)) is { } elsewhere)
            {
                return (null, IpamErrors.InterfaceHeld(c.PodUid, iface, elsewhere.Subnet, elsewhere.V4 ?? elsewhere.V6, choices[0]));
            }
            // IPAM-6a with COMMON-2: a pod that already holds this interface in one of them (it spilled over before)
            // is answered from there; asking again never takes a second address in an earlier subnet that has room now.
            choices = [.. choices.OrderBy(s => held.Any(h => h.Subnet == s) ? 0 : 1)];
        }
        if (choices.Count > 1 && IpAddress.TryParseHost(c.IpAddress?.Split(',')[0], out var wanted))
        {
            // A static address names its subnet among them.
            var known = await directory.GetAsync(false, ct);
            choices = [.. choices.OrderBy(s => known.Find(s)?.Prefixes.Any(p => p.Contains(wanted)) == true ? 0 : 1)];
        }
        MeshError? first = null;
        foreach (var subnet in choices)
        {
            var (ok, error) = await AllocateInAsync(subnet, c, iface, meta, ct);
            if (ok is not null)
            {
                return (ok, null);
            }
            first ??= error;
            // IPAM-6a: only a full subnet moves the pod on; any other refusal of the first choice is the answer,
            // and a later subnet the pod may not use (another project's, say) is passed over.
            if (subnet == choices[0] && error!.Code != IpamErrors.IpNotEnoughCode)
            {
                return (null, error);
            }
        }
        return (null, choices.Count > 1 ? IpamErrors.AllFull(first!, choices) : first);
    }

    private async Task<(Bus.IpAllocation? Ok, MeshError? Error)> AllocateInAsync(string subnet, Bus.AllocateIp c, string iface, EventMetadata meta,
        CancellationToken ct)
    {
        if (await OverlapAsync(c.PodUid, subnet, ct) is { } conflict)
        {
            return (null, conflict);
        }
        var command = new Cmd.AllocateIp(subnet, c.PodUid ?? "", c.PodNamespace ?? "", c.PodName ?? "", c.Node ?? "", c.Project ?? "",
            clock.GetUtcNow(), iface, c.Provider, c.IpAddress, c.MacAddress,
            c.StickyKey, RandomNumberGenerator.GetBytes(12), options.Value.Quarantine);
        var outcome = await pools.SubmitAsync(subnet, command, meta.For(nameof(Bus.AllocateIp)), ct);
        if (outcome.Decision.Error is { } error)
        {
            return (null, error);
        }
        var a = outcome.Result.Allocation!;
        if (outcome.Decision.Events.Count > 0)
        {
            usage.Touch(subnet);
        }
        return (new Bus.IpAllocation(a.Owner.PodUid, a.Owner.Interface, subnet, outcome.Result.Vpc, a.IpAddress, a.Mac,
            outcome.Result.CidrBlock, outcome.Result.Gateway, a.Node, a.Generation), null);
    }

    /// <summary>
    /// POOL-1: pools of different routing domains may overlap (the seed's overlay net192 and underlay ibnics are both
    /// 192.168.100.0/24), but one pod never holds interfaces in two of them. The pod's holdings are read only when
    /// the chosen pool overlaps another one at all, so that the common allocation costs no extra query.
    /// </summary>
    private async Task<MeshError?> OverlapAsync(string? podUid, string subnet, CancellationToken ct)
    {
        var known = await directory.GetAsync(ct: ct);
        if (string.IsNullOrWhiteSpace(podUid) || known.Find(subnet) is not { } pool
            || !known.Subnets.Any(s => s.Name != subnet && s.Overlaps(pool)))
        {
            return null;
        }
        foreach (var held in await queries.HoldingsOfPodAsync(podUid, ct))
        {
            if (held.Subnet != subnet && known.Find(held.Subnet) is { } other && other.Overlaps(pool))
            {
                return IpamErrors.CidrConflict(podUid, subnet, pool.CidrBlock!, other.Name, other.CidrBlock!, held.Interface);
            }
        }
        return null;
    }

    /// <summary>IPAM-9: every pool the pod holds addresses in (or one interface); a second release answers an empty list.</summary>
    public async Task<(Bus.IpReleaseResult? Ok, MeshError? Error)> ReleaseAsync(Bus.ReleaseIp c, EventMetadata meta, CancellationToken ct,
        Func<string, bool>? mayActOn = null)
    {
        if (string.IsNullOrWhiteSpace(c.PodUid))
        {
            return (null, IpamErrors.Missing("podUid"));
        }
        var holdings = (await queries.HoldingsOfPodAsync(c.PodUid, ct))
            .Where(h => c.Interface is null || h.Interface == c.Interface).ToList();
        if (mayActOn is not null && holdings.FirstOrDefault(h => !mayActOn(h.Project)) is { } foreign)
        {
            return (null, new MeshError(ErrorCodes.Forbidden, $"pod uid '{c.PodUid}' holds addresses of project '{foreign.Project}'",
                ErrorKind.Forbidden, "project", foreign.Project, "release it as that project or as an administrator"));
        }
        var released = new List<string>();
        foreach (var subnet in holdings.Select(h => h.Subnet).Distinct())
        {
            var command = new Cmd.ReleaseIp(subnet, c.PodUid, clock.GetUtcNow(), c.Interface,
                string.IsNullOrWhiteSpace(c.Reason) ? Domain.Pools.ReleaseReasons.PodDeleted : c.Reason);
            var outcome = await pools.SubmitAsync(subnet, command, meta.For(nameof(Bus.ReleaseIp), command.Reason), ct);
            if (outcome.Decision.Error is { } error)
            {
                return (null, error);
            }
            released.AddRange(outcome.Result.Released.SelectMany(r => new[] { r.V4, r.V6 }).OfType<string>());
            if (outcome.Result.Released.Count > 0)
            {
                usage.Touch(subnet);
            }
        }
        return (new Bus.IpReleaseResult(c.PodUid, released), null);
    }

    /// <summary>
    /// IPAM-11 for every pool holding addresses on the node: suspect and clear in each pool, then reclaim
    /// what is due when it is within the node's allowed share, else withhold it for an operator (IPAM-11a).
    /// A report with no pod source looks at nothing (IPAM-11a).
    /// </summary>
    public async Task<(Bus.LeakReport? Ok, MeshError? Error)> ReportLivePodsAsync(Bus.ReportLivePods c, EventMetadata meta, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(c.Node))
        {
            return (null, IpamErrors.Missing("node"));
        }
        var subnets = await SubnetsOnAsync(c.Node, ct);
        if (!c.PodsKnown)
        {
            return (new Bus.LeakReport(c.Node, subnets.Count, 0, 0, [],
                Note: $"node {c.Node} reports no pod source: its list proves nothing, so nothing on it is suspected or reclaimed (IPAM-11a)"), null);
        }
        var o = options.Value;
        var observed = c.ObservedAt == default ? clock.GetUtcNow() : c.ObservedAt;
        var live = (c.PodUids ?? []).ToHashSet(StringComparer.Ordinal);
        var (suspected, cleared, due, total) = (0, 0, new Dictionary<string, int>(), 0);
        foreach (var subnet in subnets)
        {
            var command = new Cmd.ReportLivePods(subnet, c.Node, live, observed, o.LeakGrace, o.LeakReports);
            var outcome = await pools.SubmitAsync(subnet, command, meta.For(nameof(Bus.ReportLivePods)), ct);
            if (outcome.Decision.Error is { } error)
            {
                return (null, error);
            }
            suspected += outcome.Result.Suspected;
            cleared += outcome.Result.Cleared;
            total += outcome.Result.NodeAllocations;
            if (outcome.Result.Due > 0)
            {
                due[subnet] = outcome.Result.Due;
            }
        }
        var dueCount = due.Values.Sum();
        var hold = dueCount > Math.Ceiling(o.LeakMaxShare * total) ? new Cmd.ReclaimLeaks.Hold(dueCount, total, o.LeakMaxShare) : null;
        var (reclaimed, withheld, reclaimError) = await ReclaimAsync(c.Node, due.Keys, observed, hold, meta.For(nameof(Bus.ReportLivePods)), ct);
        return reclaimError is not null
            ? (null, reclaimError)
            : (new Bus.LeakReport(c.Node, subnets.Count, suspected, cleared, reclaimed, dueCount, withheld,
                hold is null ? null : $"{dueCount} of node {c.Node}'s {total} allocations are due, more than the {o.LeakMaxShare:P0} one reclaim may take: withheld until an operator confirms (meshctl reclaim confirm {c.Node})"), null);
    }

    /// <summary>IPAM-11a: an operator confirms a withheld reclaim: everything due on the node is reclaimed now, whatever its share.</summary>
    public async Task<(Bus.LeakReport? Ok, MeshError? Error)> ConfirmReclaimAsync(string node, EventMetadata meta, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(node))
        {
            return (null, IpamErrors.Missing("node"));
        }
        var subnets = await SubnetsOnAsync(node, ct);
        var (reclaimed, _, error) = await ReclaimAsync(node, subnets, clock.GetUtcNow(), null, meta.For("ConfirmLeakReclaim"), ct);
        return error is not null
            ? (null, error)
            : (new Bus.LeakReport(node, subnets.Count, 0, 0, reclaimed, reclaimed.Count, 0,
                reclaimed.Count == 0 ? $"nothing on node {node} is due for reclaim" : null), null);
    }

    /// <summary>NODE-1: a removed node's addresses go back, in every pool holding some.</summary>
    public async Task<IReadOnlyList<string>> RemoveNodeAsync(string node, EventMetadata meta, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(node))
        {
            return [];
        }
        var released = new List<string>();
        foreach (var subnet in await SubnetsOnAsync(node, ct))
        {
            var outcome = await pools.SubmitAsync(subnet, new Cmd.ReleaseNode(subnet, node, clock.GetUtcNow()), meta, ct);
            released.AddRange(outcome.Result.Released.SelectMany(r => new[] { r.V4, r.V6 }).OfType<string>());
            if (outcome.Result.Released.Count > 0)
            {
                usage.Touch(subnet);
            }
        }
        return released;
    }

    private async Task<List<string>> SubnetsOnAsync(string node, CancellationToken ct) =>
        (await queries.HoldingsOnNodeAsync(node, ct)).Select(h => h.Subnet).Distinct().ToList();

    private async Task<(List<string> Reclaimed, int Withheld, MeshError? Error)> ReclaimAsync(
        string node, IEnumerable<string> subnets, DateTimeOffset now, Cmd.ReclaimLeaks.Hold? hold, EventMetadata meta, CancellationToken ct)
    {
        var o = options.Value;
        var (reclaimed, withheld) = (new List<string>(), 0);
        foreach (var subnet in subnets)
        {
            var outcome = await pools.SubmitAsync(subnet, new Cmd.ReclaimLeaks(subnet, node, now, o.LeakGrace, o.LeakReports, hold), meta, ct);
            if (outcome.Decision.Error is { } error)
            {
                return ([], 0, error);
            }
            withheld += outcome.Result.Withheld;
            reclaimed.AddRange(outcome.Result.Released.SelectMany(r => new[] { r.V4, r.V6 }).OfType<string>());
            if (outcome.Result.Released.Count > 0)
            {
                usage.Touch(subnet);
            }
        }
        return (reclaimed, withheld, null);
    }

    private async Task<(IReadOnlyList<string> Subnets, MeshError? Error)> ChooseAsync(Bus.AllocateIp c, CancellationToken ct)
    {
        var provider = string.IsNullOrWhiteSpace(c.Provider) ? SubnetChooser.PrimaryProvider : c.Provider;
        var annotations = string.IsNullOrWhiteSpace(c.Subnet)
            ? null
            : new Dictionary<string, string> { [SubnetChooser.LogicalSwitchAnnotation(provider)] = c.Subnet };
        var error = SubnetChooser.TryChooseInOrder(await directory.GetAsync(false, ct), c.PodNamespace ?? "", annotations, out var choices, provider);
        if (error is not null)
        {
            // A subnet announced through another replica a moment ago: look again before refusing.
            error = SubnetChooser.TryChooseInOrder(await directory.GetAsync(true, ct), c.PodNamespace ?? "", annotations, out choices, provider);
        }
        return ([.. choices.Select(ch => ch.Subnet)], error);
    }
}
