using System.Text.Json.Nodes;
using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Api.Specs;
using Mesh.Vpc.Service.Handlers;

namespace Mesh.Vpc.Service.Api;

// The resource API of the vpc service (ARCHITECTURE.md Interfaces): kubeovn.io/v1 Vpc, Subnet,
// VpcNatGateway and network.mesh.io/v1 ExternalNetwork, all cluster-scoped.
internal static class VpcApi
{
    public static void Map(RouteGroupBuilder apis, ResourceViews views)
    {
        ResourceEndpoints.Map(apis, new ResourceKind<VpcSpecDto>(ResourceViews.KubeOvn, "Vpc", "vpcs",
            (name, spec) => new ApplyVpc(name, spec.ToDomain()), views.Vpc, s => s.Vpcs.Keys,
            name => TopologyErrors.VpcNotFound("metadata.name", name), name => new DeleteVpc(name), Redact: VpcSubnetsVisible));

        var subnets = ResourceEndpoints.Map(apis, new ResourceKind<SubnetSpecDto>(ResourceViews.KubeOvn, "Subnet", "subnets",
            (name, spec) => new ApplySubnet(name, spec.ToDomain(), Guid.NewGuid()), views.Subnet, s => s.Subnets.Keys,
            name => TopologyErrors.SubnetNotFound("metadata.name", name), Visible: SubnetVisible,
            // POOL-2: a change IPAM applies too is answered once IPAM agreed (or refused, or a bounded wait passed).
            Settle: (name, http, ct) => http.RequestServices.GetRequiredService<SubnetChange>().AwaitAsync(name, ct)));
        subnets.MapDelete("/{name}", DeleteSubnetAsync);

        ResourceEndpoints.Map(apis, new ResourceKind<NatGatewaySpecDto>(ResourceViews.KubeOvn, "VpcNatGateway", "vpc-nat-gateways",
            (name, spec) => new ApplyNatGateway(name, spec.ToDomain()), views.NatGateway, s => s.NatGateways.Keys,
            name => new MeshError(VpcErrorCodes.NatGatewayNotFound, $"NAT gateway '{name}' does not exist", ErrorKind.NotFound, "metadata.name", name),
            name => new DeleteNatGateway(name)));

        ResourceEndpoints.Map(apis, new ResourceKind<ExternalNetworkSpecDto>(ResourceViews.MeshNetwork, "ExternalNetwork", "externalnetworks",
            (name, spec) => new RegisterExternalNetwork(spec.ToDomain(name)), views.ExternalNetwork,
            s => s.ExternalNetworks.Values.Select(n => n.Name).OfType<string>(),
            name => new MeshError(VpcErrorCodes.ExternalNetworkNotFound, $"external network '{name}' is not registered", ErrorKind.NotFound, "metadata.name", name)));
    }

    // COMMON-6: a VPC's status lists only the subnets the reader may see.
    private static JsonObject VpcSubnetsVisible(Topology state, JsonObject document, MeshPrincipal caller)
    {
        if (caller.IsAdmin || document["status"]?["subnets"] is not JsonArray subnets)
        {
            return document;
        }
        document["status"]!["subnets"] = new JsonArray([.. subnets.Select(n => n!.GetValue<string>())
            .Where(n => SubnetVisible(state, n, caller)).Select(n => (JsonNode)JsonValue.Create(n))]);
        return document;
    }

    // SUB-10 for reads: a member sees shared subnets (no projectIDs) and those of its project.
    private static bool SubnetVisible(Topology state, string name, MeshPrincipal caller) =>
        caller.IsAdmin || state.Subnets.GetValueOrDefault(name)?.Definition.ProjectIDs is not { Count: > 0 } projects || projects.Contains(caller.Project);

    // SUB-9: 200 when deleted, 409 SubnetInUse when IPAM refused, 202 (Deleting) while it has not answered.
    private static async Task<IResult> DeleteSubnetAsync(string name, HttpContext http, SubnetDeletion deletion, CancellationToken ct)
    {
        var caller = MeshPrincipal.From(http.User);
        if (ApiSupport.RequireAdmin(caller, "Subnet", name) is { } forbidden)
        {
            return MeshProblems.Problem(forbidden);
        }
        return await deletion.DeleteAsync(name, ApiSupport.Metadata(http, caller), ApiSupport.ExpectedVersion(http.Request, null), ct);
    }
}
