using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Api;

namespace Mesh.Vpc.Service.Handlers;

// POOL-2 from the caller's side (SagaWait): 200 with the new spec once IPAM applied the change, IPAM's refusal
// (the subnet unchanged) when refused, 202 with the old spec and a ChangePending condition while IPAM has not answered.
public sealed class SubnetChange(TopologyService topology, ResourceViews views, VpcSagaOptions options, TimeProvider clock)
{
    public async Task<IResult?> AwaitAsync(string name, CancellationToken ct)
    {
        var saga = await topology.QueryAsync(s => s.Subnets.GetValueOrDefault(name)?.PendingChange?.SagaId, ct);
        if (saga is null)
        {
            return null;
        }
        return await SagaWait.UntilAsync(clock, options.DeletionWait, async () =>
        {
            var (subnet, view) = await topology.QueryAsync(s => (s.Subnets.GetValueOrDefault(name), views.Subnet(s, name)), ct);
            if (subnet is null)
            {
                return MeshProblems.Problem(TopologyErrors.SubnetNotFound("metadata.name", name));
            }
            if (subnet.PendingChange?.SagaId == saga)
            {
                return null;
            }
            return subnet.LastChangeAbort is { } refused && refused.SagaId == saga
                ? MeshProblems.Problem(new MeshError(refused.Code, $"the IPAM service refused the change of subnet '{name}', which keeps its spec: {refused.Message}",
                    ErrorKind.Conflict, refused.Field is null ? "spec" : $"spec.{refused.Field}", refused.Value, refused.Remedy))
                : TypedResults.Ok(view);
        }, async () => TypedResults.Accepted((string?)null, await topology.QueryAsync(s => views.Subnet(s, name), ct)), ct);
    }
}
