using System.Globalization;
using MassTransit;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Handlers;
using Ipam = Mesh.Contracts.Ipam;

namespace Mesh.Vpc.Service.Consumers;

// Keeps a subnet's status (v4availableIPs, v4usingIPs, v6...) current from IPAM. Idempotent by the
// domain: the same numbers again record nothing; a report for a deleted subnet is stale.
public sealed class SubnetUsageChangedConsumer(TopologyService topology, ILogger<SubnetUsageChangedConsumer> logger)
    : IConsumer<Ipam.SubnetUsageChanged>
{
    public async Task Consume(ConsumeContext<Ipam.SubnetUsageChanged> context)
    {
        var m = context.Message;
        if (!TryParse(m.V4AvailableIps, out var v4Free) || !TryParse(m.V4UsingIps, out var v4Used)
            || !TryParse(m.V6AvailableIps, out var v6Free) || !TryParse(m.V6UsingIps, out var v6Used))
        {
            logger.LogWarning("ignored SubnetUsageChanged for {Subnet}: counts are not numbers", m.Subnet);
            return;
        }
        var outcome = await topology.SubmitAsync(new RecordSubnetUsage(m.Subnet, new SubnetUsage(v4Free, v4Used, v6Free, v6Used), m.PoolVersion),
            BusMetadata.From(context, "SubnetUsageChanged"), null, context.CancellationToken);
        if (outcome.Decision.Error is { } error)
        {
            logger.LogWarning("ignored SubnetUsageChanged for {Subnet}: {Error}", m.Subnet, error);
        }
    }

    // Counts are strings on the wire (an IPv6 count does not fit a JSON number); absent means 0.
    private static bool TryParse(string? text, out double value)
    {
        value = 0;
        return string.IsNullOrWhiteSpace(text) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
