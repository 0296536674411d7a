using Mesh.EventSourcing;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Service.Projections;

/// Known nodes and the node and project of each pod holding VFs, updated in the append's
/// transaction: a release by pod uid alone must find the node at once.
public sealed class SriovIndexProjection : IInlineProjection, IVerifiableProjection
{
    public string Name => "sriov-index";

    public IReadOnlyList<(string Table, string Columns)> Tables => [("sriov_nodes", "*"), ("sriov_pod_vfs", "*")];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case NodeLabelsReported or NodeStateReported:
                    await ExecAsync(context, "INSERT INTO sriov_nodes (node) VALUES (@a) ON CONFLICT DO NOTHING", ct,
                        e.StreamId["sriov-node-".Length..]);
                    break;
                case VfsAllocated a:
                    await ExecAsync(context,
                        "INSERT INTO sriov_pod_vfs (pod_uid, node, project) VALUES (@a, @b, @c) ON CONFLICT (pod_uid) DO UPDATE SET node = @b, project = @c",
                        ct, a.PodUid, a.Node, e.Metadata.Project ?? "");
                    break;
                case VfsReleased r:
                    await ExecAsync(context, "DELETE FROM sriov_pod_vfs WHERE pod_uid = @a AND node = @b", ct, r.PodUid, r.Node);
                    break;
            }
        }
    }

    public async Task ResetAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var cmd = context.Command("TRUNCATE sriov_nodes, sriov_pod_vfs");
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecAsync(ProjectionContext context, string sql, CancellationToken ct, params string[] values)
    {
        await using var cmd = context.Command(sql);
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters.AddWithValue(((char)('a' + i)).ToString(), values[i]);
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
