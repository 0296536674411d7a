using Mesh.EventSourcing;
using Mesh.Ipam.Domain;
using Npgsql;
using static Mesh.Ipam.Service.Directory.DirectoryProjection;

namespace Mesh.Ipam.Service.Projections;

/// <summary>
/// Async (IPAM-13): every address's holders over time, with who asked and why from the event
/// metadata (COMMON-4), so "who held 10.16.0.7 at 14:03 and why" is one indexed query.
/// </summary>
public sealed class AddressHistoryProjection : IAsyncProjection, IVerifiableProjection
{
    public string Name => "address_history";

    public IReadOnlyList<(string Table, string Columns)> Tables => [("address_history", "ip, subnet, pod_uid, pod_namespace, pod_name, interface, node, project, mac, allocated_at, allocated_position, allocated_by, allocated_command, correlation_id, released_at, released_position, released_by, release_reason")];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case IpAllocated a:
                    foreach (var ip in new[] { a.V4, a.V6 }.OfType<string>())
                    {
                        Add(batch, """
                            INSERT INTO address_history (ip, subnet, pod_uid, pod_namespace, pod_name, interface, node, project, mac,
                                allocated_at, allocated_position, allocated_by, allocated_command, correlation_id)
                            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                            """, ip, a.Subnet, a.PodUid, a.PodNamespace, a.PodName, a.Interface, a.Node, a.Project, a.Mac,
                            a.At, e.Position, e.Metadata.Principal, (object?)e.Metadata.CommandType ?? DBNull.Value, e.Metadata.CorrelationId);
                    }
                    break;
                case IpReleased r:
                    Add(batch, """
                        UPDATE address_history SET released_at = $4, released_position = $5, released_by = $6, release_reason = $7
                        WHERE subnet = $1 AND pod_uid = $2 AND interface = $3 AND released_at IS NULL
                        """, r.Subnet, r.PodUid, r.Interface, r.At, e.Position, e.Metadata.Principal, r.Reason);
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
        await using var cmd = context.Command("TRUNCATE address_history");
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
