using System.Security.Cryptography;
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
        var (subnet, choiceError) = await ChooseAsync(c, ct);
        if (choiceError is not null)
        {
            return (null, choiceError);
        }
        var command = new Cmd.AllocateIp(subnet!, c.PodUid ?? "", c.PodNamespace ?? "", c.PodName ?? "", c.Node ?? "", c.Project ?? "",
            clock.GetUtcNow(), string.IsNullOrWhiteSpace(c.Interface) ? "eth0" : c.Interface, c.Provider, c.IpAddress, c.MacAddress,
            c.StickyKey, RandomNumberGenerator.GetBytes(12), options.Value.Quarantine);
        var outcome = await pools.SubmitAsync(subnet!, command, meta.For(nameof(Bus.AllocateIp)), ct);
        if (outcome.Decision.Error is { } error)
        {
            return (null, error);
        }
        var a = outcome.Result.Allocation!;
        if (outcome.Decision.Events.Count > 0)
        {
            usage.Touch(subnet!);
        }
        return (new Bus.IpAllocation(a.Owner.PodUid, a.Owner.Interface, subnet!, outcome.Result.Vpc, a.IpAddress, a.Mac,
            outcome.Result.CidrBlock, outcome.Result.Gateway, a.Node, a.Generation), null);
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

    /// <summary>IPAM-11 for every pool holding addresses on the node.</summary>
    public async Task<(Bus.LeakReport? Ok, MeshError? Error)> ReportLivePodsAsync(Bus.ReportLivePods c, EventMetadata meta, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(c.Node))
        {
            return (null, IpamErrors.Missing("node"));
        }
        var observed = c.ObservedAt == default ? clock.GetUtcNow() : c.ObservedAt;
        var live = (c.PodUids ?? []).ToHashSet(StringComparer.Ordinal);
        var subnets = (await queries.HoldingsOnNodeAsync(c.Node, ct)).Select(h => h.Subnet).Distinct().ToList();
        var (suspected, cleared, reclaimed) = (0, 0, new List<string>());
        foreach (var subnet in subnets)
        {
            var command = new Cmd.ReportLivePods(subnet, c.Node, live, observed, options.Value.LeakGrace);
            var outcome = await pools.SubmitAsync(subnet, command, meta.For(nameof(Bus.ReportLivePods)), ct);
            if (outcome.Decision.Error is { } error)
            {
                return (null, error);
            }
            suspected += outcome.Result.Suspected;
            cleared += outcome.Result.Cleared;
            reclaimed.AddRange(outcome.Result.Released.SelectMany(r => new[] { r.V4, r.V6 }).OfType<string>());
            if (outcome.Result.Released.Count > 0)
            {
                usage.Touch(subnet);
            }
        }
        return (new Bus.LeakReport(c.Node, subnets.Count, suspected, cleared, reclaimed), null);
    }

    private async Task<(string? Subnet, MeshError? Error)> ChooseAsync(Bus.AllocateIp c, CancellationToken ct)
    {
        var provider = string.IsNullOrWhiteSpace(c.Provider) ? SubnetChooser.PrimaryProvider : c.Provider;
        var annotations = string.IsNullOrWhiteSpace(c.Subnet)
            ? null
            : new Dictionary<string, string> { [SubnetChooser.LogicalSwitchAnnotation(provider)] = c.Subnet };
        var error = SubnetChooser.TryChoose(await directory.GetAsync(false, ct), c.PodNamespace ?? "", annotations, out var choice, provider);
        if (error is not null)
        {
            // A subnet announced through another replica a moment ago: look again before refusing.
            error = SubnetChooser.TryChoose(await directory.GetAsync(true, ct), c.PodNamespace ?? "", annotations, out choice, provider);
        }
        return (choice?.Subnet, error);
    }
}
