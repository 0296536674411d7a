using System.Globalization;
using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Ipam.Domain;
using Mesh.Ipam.Service.Directory;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Api;

/// <summary>IPAM-12 usage of a subnet, and its allocations.</summary>
public static class SubnetsApi
{
    public static RouteGroupBuilder MapSubnets(this RouteGroupBuilder api)
    {
        api.MapGet("/subnets/{name}/usage", async (string name, HttpContext http, SubnetDirectoryCache directory, PoolWriter pools, CancellationToken ct) =>
        {
            if ((await directory.GetAsync(false, ct)).Find(name) is null && (await directory.GetAsync(true, ct)).Find(name) is null)
            {
                return (IResult)MeshProblems.Problem(IpamErrors.PoolNotFound(name));
            }
            var (projects, usage) = await pools.QueryAsync(name, s => (s.ProjectIds, new SubnetUsage(s.Subnet, s.Vpc, s.Status.ToString(), s.AllocationCount,
                [.. s.Families.Select(f => new FamilyUsage(f.Family.Name(), f.Cidr.ToString(), Text(f.Usage.Total),
                    Text(f.Usage.Used), Text(f.Usage.Free), Math.Round(f.Usage.Percent, 2)))])
                { CidrBlock = s.CidrBlock, Gateway = s.Gateway, ExcludeIps = [.. s.ExcludeIps] }), ct);
            return NotShared(http, name, projects) is { } refused ? MeshProblems.Problem(refused) : TypedResults.Ok(usage);
        });

        api.MapGet("/subnets/{name}/allocations", async (string name, IpamQueries queries, HttpContext http, SubnetDirectoryCache directory,
            PoolWriter pools, CancellationToken ct) =>
        {
            if ((await directory.GetAsync(false, ct)).Find(name) is null && (await directory.GetAsync(true, ct)).Find(name) is null)
            {
                return (IResult)MeshProblems.Problem(IpamErrors.PoolNotFound(name));
            }
            var projects = await pools.QueryAsync(name, s => s.ProjectIds, ct);
            return NotShared(http, name, projects) is { } refused
                ? MeshProblems.Problem(refused)
                : TypedResults.Ok((await queries.InSubnetAsync(name, ct)).Where(a => HttpCaller.Sees(http, a.Project)).ToList());
        });
        return api;
    }

    // COMMON-6 / SUB-10 for reads: a subnet with projectIDs is seen by those projects and administrators only.
    private static MeshError? NotShared(HttpContext http, string name, IReadOnlyList<string> projects)
    {
        var caller = MeshPrincipal.From(http.User);
        return projects.Count == 0 || caller.IsAdmin || projects.Contains(caller.Project)
            ? null
            : new MeshError(ErrorCodes.Forbidden, $"subnet '{name}' is not shared with project '{caller.Project}'", ErrorKind.Forbidden,
                "name", name, "ask for a subnet of your own project or a shared one (no projectIDs)");
    }

    private static string Text(UInt128 value) => value.ToString(CultureInfo.InvariantCulture);
}
