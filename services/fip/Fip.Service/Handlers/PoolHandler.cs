using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Fip.Domain.Commands;
using Mesh.Fip.Domain.State;
using Mesh.Fip.Service.Api;
using Mesh.Fip.Service.Projections;
using Mesh.Fip.Service.World;
using Mesh.Fip.Service.Writing;
using Mesh.Hosting;

namespace Mesh.Fip.Service.Handlers;

// FIP-1: the container FIP pool of an external network (neutron.io Fip, fips.neutron.io).
public sealed class PoolHandler(FipWriter writer, Catalog catalog, WorldModel world)
{
    public async Task<string> DefineAsync(Caller caller, string name, FipPoolSpec spec)
    {
        if (!caller.Admin)
        {
            throw new MeshException(new MeshError(ErrorCodes.Forbidden, $"only the platform administrator defines floating IP pools; '{caller.Principal}' is not one",
                ErrorKind.Forbidden, "role", null, "ask the administrator"));
        }
        var ext = spec.ExternalNetworkId?.Trim();
        if (string.IsNullOrEmpty(ext))
        {
            throw new MeshException(TargetResolver.Missing("externalNetworkID", "the id of the external network whose addresses this pool holds"));
        }
        var network = await world.ExternalNetworkAsync(ext);
        var cidr = spec.Cidr ?? network?.Cidr ?? throw new MeshException(TargetResolver.Missing("cidr",
            $"the external network '{ext}' has not been announced by the VPC service, so its CIDR must be given"));
        var gateway = spec.Gateway ?? network?.Gateway ?? throw new MeshException(TargetResolver.Missing("gateway", "the external network's gateway"));
        if (await catalog.PoolAsync(name) is { } other && other.Name == name && other.ExternalNetworkId != ext)
        {
            throw new MeshException(new MeshError(ErrorCodes.AlreadyExists, $"pool '{name}' already holds external network '{other.ExternalNetworkId}'",
                ErrorKind.Conflict, "metadata.name", name, "one pool per external network; choose another name"));
        }
        if (await OverlapAsync(ext, cidr) is { } conflict)
        {
            throw new MeshException(conflict);
        }
        await writer.SubmitAsync(ext, new DefinePool(ext, name, cidr, gateway, spec.Ranges ?? [], spec.Excludes ?? []),
            caller.Metadata(nameof(DefinePool)));
        return ext;
    }

    // POOL-1: the FIP pools and the external networks are one routing domain, so a pool overlaps neither
    // another external network's pool nor another external network. An id or a CIDR that does not parse is
    // left to the pool's decider, which names what is wrong with it.
    private async Task<MeshError?> OverlapAsync(string ext, string cidr)
    {
        if (!Guid.TryParse(ext, out _) || !IpPrefix.TryParse(cidr, out var prefix))
        {
            return null;
        }
        foreach (var pool in await catalog.PoolsAsync())
        {
            if (pool.ExternalNetworkId != ext && IpPrefix.TryParse(pool.Cidr, out var taken) && taken.Overlaps(prefix))
            {
                return Conflict(prefix, $"floating IP pool '{pool.Name}' ({taken}) of external network {pool.ExternalNetworkId}", taken);
            }
        }
        foreach (var network in await world.ExternalNetworksAsync())
        {
            if (network.Id != ext && network.Name != ext && IpPrefix.TryParse(network.Cidr, out var taken) && taken.Overlaps(prefix))
            {
                return Conflict(prefix, $"external network {network.Name} ({taken})", taken);
            }
        }
        return null;
    }

    private static MeshError Conflict(IpPrefix prefix, string other, IpPrefix taken) =>
        new(ErrorCodes.CidrConflict, $"cidr {prefix} overlaps {other}; FIP pools and external networks must not overlap",
            ErrorKind.Conflict, "cidr", prefix.ToString(), $"give the pool a CIDR outside {taken}, or define it on that external network");

    public async Task<(string Name, FipPoolSpec Spec, FipPoolStatus Status)?> ViewAsync(string nameOrId, Caller caller)
    {
        if (await catalog.PoolAsync(nameOrId) is not { } row)
        {
            return null;
        }
        return await writer.QueryAsync(row.ExternalNetworkId, state => ((string, FipPoolSpec, FipPoolStatus)?)View(state, caller));
    }

    // What fips.neutron.io shows of a pool, now or as of a past time: its free addresses to anyone, who holds which to an administrator.
    public static (string Name, FipPoolSpec Spec, FipPoolStatus Status) View(FipPoolState state, Caller caller)
    {
        var pool = state.Pool!;
        var free = state.FreeRanges();
        var used = caller.Admin ? state.Fips.OrderBy(f => f.Name).Select(f => new FipPoolEntry(f.Name, f.Project, f.Address)).ToList() : null;
        var spec = new FipPoolSpec { ExternalNetworkId = pool.ExternalNetworkId, Cidr = pool.Cidr, Gateway = pool.Gateway,
            Ranges = [.. pool.Ranges], Excludes = [.. pool.Excludes] };
        var status = new FipPoolStatus(pool.ExternalNetworkId, pool.Cidr, pool.Gateway, [.. free.RangesOf(IpFamily.V4).Select(r => r.ToString())],
            free.Count.ToString(), state.Fips.Count.ToString(), used);
        return (pool.Name, spec, status);
    }
}
