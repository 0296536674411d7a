using System.Text.Json;
using Mesh.EventSourcing;
using Mesh.Ipam.Domain.Pools;
using Microsoft.Extensions.Options;

namespace Mesh.Ipam.Service.Pools;

/// <summary>
/// A pool as JSON: spec, holders, sticky memory, quarantine times and warned thresholds. Its size follows
/// the allocations, never the CIDR (a /8 or a /64 restores from a handful of lines plus its holders).
/// </summary>
public sealed class PoolSnapshotCodec(IOptions<IpamOptions> options) : ISnapshotCodec<SubnetPool>
{
    private static readonly JsonSerializerOptions Json = EventTypeRegistry.CreateJsonOptions();

    public string Type => "ipam.pool-snapshot.v1";

    public int Every => options.Value.SnapshotEvery;

    public string Serialize(SubnetPool state) => JsonSerializer.Serialize(state.ToSnapshot(), Json);

    public SubnetPool Deserialize(string json) =>
        SubnetPool.FromSnapshot(JsonSerializer.Deserialize<PoolSnapshot>(json, Json)
            ?? throw new InvalidOperationException("empty pool snapshot"));
}
