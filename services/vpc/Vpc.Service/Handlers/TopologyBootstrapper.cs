using Mesh.EventSourcing;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service.Handlers;

// VPC-1 on first start. Idempotent: a second start or a second replica decides nothing, and a
// replica that loses the race to append reloads and then decides nothing.
public sealed class TopologyBootstrapper(TopologyService topology, TopologySettings settings, ILogger<TopologyBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var outcome = await topology.SubmitAsync(new BootstrapTopology(), EventMetadata.System("VPC-1 default topology"), null, cancellationToken);
        if (outcome.Decision.Events.Count > 0)
        {
            logger.LogInformation("created default VPC {Vpc} and subnet {Subnet}", settings.DefaultVpc, settings.DefaultSubnet);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
