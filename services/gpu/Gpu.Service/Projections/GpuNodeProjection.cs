using System.Text.Json;
using Mesh.EventSourcing;
using Mesh.Gpu.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Mesh.Gpu.Service.Projections;

/// <summary>
/// Inline read model of every node (inventory, health) and every pod holding cards: the scheduler's cluster view,
/// the lookup of a pod's node on release, the GET endpoints. Updated in the append's transaction, so it is exactly
/// the committed state; a group commit's events go to the database as one batch (one round trip).
/// </summary>
public sealed class GpuNodeProjection(EventTypeRegistry types) : IInlineProjection, IVerifiableProjection
{
    private const string UpsertNode = """
        INSERT INTO gpu_nodes (name, arch, labels, taints, devices, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (name) DO UPDATE SET arch = excluded.arch, labels = excluded.labels, taints = excluded.taints,
            devices = excluded.devices, updated_at = excluded.updated_at
        """;

    private const string SetHealth = """
        UPDATE gpu_nodes SET updated_at = $4, devices = (
            SELECT jsonb_agg(CASE WHEN (d->>'index')::int = $2 THEN jsonb_set(d, '{healthy}', to_jsonb($3::boolean)) ELSE d END ORDER BY o)
            FROM jsonb_array_elements(devices) WITH ORDINALITY AS x(d, o))
        WHERE name = $1
        """;

    private const string InsertAssignment = """
        INSERT INTO gpu_assignments (pod_uid, node, project, data) VALUES ($1, $2, $3, $4)
        ON CONFLICT (pod_uid, node) DO UPDATE SET project = excluded.project, data = excluded.data
        """;

    public string Name => "gpu-nodes";

    public IReadOnlyList<(string Table, string Columns)> Tables => [("gpu_nodes", "*"), ("gpu_assignments", "*")];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        foreach (var e in events)
        {
            var command = e.Data switch
            {
                GpuNodeRegistered r => Node(r.Node, r.Arch, r.Labels, r.Taints, r.Devices, e.Timestamp),
                GpuNodeInventoryReported r => Node(r.Node, r.Arch, r.Labels, r.Taints, r.Devices, e.Timestamp),
                GpuDeviceHealthChanged h => Command(SetHealth, h.Node, h.Index, h.Healthy, e.Timestamp),
                GpuDevicesAssigned a => Command(InsertAssignment, a.PodUid, a.Node, a.Project, new Jsonb(e.DataJson)),
                GpuDevicesReleased r => Command("DELETE FROM gpu_assignments WHERE pod_uid = $1 AND node = $2", r.PodUid, r.Node),
                GpuNodeRemoved r => Command("DELETE FROM gpu_nodes WHERE name = $1", r.Node),
                _ => null,
            };
            if (command is not null)
            {
                batch.BatchCommands.Add(command);
            }
        }
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task ResetAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var cmd = context.Command("TRUNCATE gpu_nodes, gpu_assignments");
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private NpgsqlBatchCommand Node(string node, string arch, IReadOnlyDictionary<string, string> labels, IReadOnlyList<Taint> taints,
        IReadOnlyList<GpuDevice> devices, DateTimeOffset at) =>
        Command(UpsertNode, node, arch, Json(labels), Json(taints), Json(devices), at);

    private Jsonb Json<T>(T value) => new(JsonSerializer.Serialize(value, types.Json));

    private static NpgsqlBatchCommand Command(string sql, params object[] args)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var arg in args)
        {
            command.Parameters.Add(arg is Jsonb j
                ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = j.Text }
                : new NpgsqlParameter { Value = arg });
        }
        return command;
    }

    private sealed record Jsonb(string Text);
}
