using Mesh.EventSourcing;
using Mesh.Ipam.Domain;
using Mesh.Ipam.Service.Directory;
using Npgsql;

namespace Mesh.Ipam.Service.Projections;

/// <summary>
/// Inline: who holds what now (ipam_allocations), in the append's transaction. A release by pod uid
/// finds its pools here, leak reclaim finds the pools holding addresses on a node, and "who holds X
/// now" (IPAM-13) reads its own writes.
/// </summary>
public sealed class AllocationIndexProjection : IInlineProjection, IVerifiableProjection
{
    public string Name => "ipam-allocations";

    public IReadOnlyList<(string Table, string Columns)> Tables => [("ipam_allocations", "*")];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case IpAllocated a:
                    DirectoryProjection.Add(batch, """
                        INSERT INTO ipam_allocations (subnet, pod_uid, interface, pod_namespace, pod_name, node, project, v4, v6, mac, allocated_at, generation)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                        ON CONFLICT (subnet, pod_uid, interface) DO UPDATE SET pod_namespace = $4, pod_name = $5, node = $6,
                            project = $7, v4 = $8, v6 = $9, mac = $10, allocated_at = $11, generation = $12
                        """, a.Subnet, a.PodUid, a.Interface, a.PodNamespace, a.PodName, a.Node, a.Project,
                        (object?)a.V4 ?? DBNull.Value, (object?)a.V6 ?? DBNull.Value, a.Mac, a.At, e.Version);
                    break;
                case IpReleased r:
                    DirectoryProjection.Add(batch, "DELETE FROM ipam_allocations WHERE subnet = $1 AND pod_uid = $2 AND interface = $3",
                        r.Subnet, r.PodUid, r.Interface);
                    break;
                case PoolCreated p:
                    // A pool created again after its deletion starts empty.
                    DirectoryProjection.Add(batch, "DELETE FROM ipam_allocations WHERE subnet = $1", p.Subnet);
                    break;
            }
        }
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task ResetAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var cmd = context.Command("TRUNCATE ipam_allocations");
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
