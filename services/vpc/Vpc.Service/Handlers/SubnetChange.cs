using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Api;

namespace Mesh.Vpc.Service.Handlers;

// POOL-2 from the caller's side: a change of an existing subnet that IPAM applies too waits a bounded time
// for IPAM's answer to land in the stream: 200 with the new spec once applied, IPAM's refusal (the subnet
// unchanged) when refused, 202 with the old spec and a ChangePending condition while IPAM has not answered.
// The agreement itself lives in the stream and the queues, not in this wait: it completes without it.
public sealed class SubnetChange(TopologyService topology, ResourceViews views, VpcSagaOptions options, TimeProvider clock)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public async Task<IResult?> AwaitAsync(string name, CancellationToken ct)
    {
        var saga = await topology.QueryAsync(s => s.Subnets.GetValueOrDefault(name)?.PendingChange?.SagaId, ct);
        if (saga is null)
        {
            return null;
        }
        var deadline = clock.GetUtcNow() + options.DeletionWait;
        while (true)
        {
            var (subnet, view) = await topology.QueryAsync(s => (s.Subnets.GetValueOrDefault(name), views.Subnet(s, name)), ct);
            if (subnet is null)
            {
                return MeshProblems.Problem(TopologyErrors.SubnetNotFound("metadata.name", name));
            }
            if (subnet.PendingChange?.SagaId != saga)
            {
                return subnet.LastChangeAbort is { } refused && refused.SagaId == saga
                    ? MeshProblems.Problem(new MeshError(refused.Code, $"the IPAM service refused the change of subnet '{name}', which keeps its spec: {refused.Message}",
                        ErrorKind.Conflict, refused.Field is null ? "spec" : $"spec.{refused.Field}", refused.Value, refused.Remedy))
                    : TypedResults.Ok(view);
            }
            if (clock.GetUtcNow() >= deadline)
            {
                return TypedResults.Accepted((string?)null, view);
            }
            await Task.Delay(Poll, clock, ct);
        }
    }
}
