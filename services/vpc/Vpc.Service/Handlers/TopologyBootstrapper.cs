using Mesh.EventSourcing;
using Mesh.Vpc.Domain;
using Microsoft.Extensions.Options;

namespace Mesh.Vpc.Service.Handlers;

// VPC-1 on first start. Idempotent: a second start or a second replica decides nothing, and a
// replica that loses the race to append reloads and then decides nothing.
public sealed class TopologyBootstrapper(TopologyService topology, TopologySettings settings, IOptions<DefaultExternalNetworkOptions> external,
    ILogger<TopologyBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var outcome = await topology.SubmitAsync(new BootstrapTopology(), EventMetadata.System("VPC-1 default topology"), null, cancellationToken);
        if (outcome.Decision.Events.Count > 0)
        {
            logger.LogInformation("created default VPC {Vpc} and subnet {Subnet}", settings.DefaultVpc, settings.DefaultSubnet);
        }
        if (external.Value is { IsSet: true } n)
        {
            var registered = await topology.SubmitAsync(new RegisterExternalNetwork(new ExternalNetwork(n.Id!.Trim().ToLowerInvariant(), n.Name, n.Cidr!, n.Gateway)),
                EventMetadata.System("Mesh:Vpc:DefaultExternalNetwork"), null, cancellationToken);
            if (registered.Decision.Error is { } refused)
            {
                logger.LogError("the default external network {Name} was not registered: {Code}: {Message}", n.Name, refused.Code, refused.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
