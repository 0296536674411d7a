using System.Globalization;
using Mesh.Hosting;
using Mesh.Ipam.Domain;
using Mesh.Ipam.Domain.Addressing;
using Mesh.Ipam.Service.Directory;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Api;

/// <summary>IPAM-12 usage of a subnet, and its allocations.</summary>
public static class SubnetsApi
{
    public static RouteGroupBuilder MapSubnets(this RouteGroupBuilder api)
    {
        api.MapGet("/subnets/{name}/usage", async (string name, SubnetDirectoryCache directory, PoolWriter pools, CancellationToken ct) =>
        {
            if ((await directory.GetAsync(false, ct)).Find(name) is null && (await directory.GetAsync(true, ct)).Find(name) is null)
            {
                return (IResult)MeshProblems.Problem(IpamErrors.PoolNotFound(name));
            }
            var usage = await pools.QueryAsync(name, s => new SubnetUsage(s.Subnet, s.Vpc, s.Status.ToString(), s.AllocationCount,
                [.. s.Families.Select(f => new FamilyUsage(IpCodec.Name(f.Family), f.Cidr.ToString(), Text(f.Usage.Total),
                    Text(f.Usage.Used), Text(f.Usage.Free), Math.Round(f.Usage.Percent, 2)))]), ct);
            return TypedResults.Ok(usage);
        });

        api.MapGet("/subnets/{name}/allocations", async (string name, IpamQueries queries, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok((await queries.InSubnetAsync(name, ct)).Where(a => HttpCaller.Sees(http, a.Project)).ToList()));
        return api;
    }

    private static string Text(UInt128 value) => value.ToString(CultureInfo.InvariantCulture);
}
