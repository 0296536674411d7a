using Mesh.EventSourcing;
using Mesh.Ipam.Domain;
using Npgsql;

namespace Mesh.Ipam.Service.Directory;

/// <summary>Inline: the subnets and VPCs subnet choice reads (ipam_subnets, ipam_vpcs), rebuilt from the log.</summary>
public sealed class DirectoryProjection : IInlineProjection, IVerifiableProjection
{
    public string Name => "ipam-directory";

    public IReadOnlyList<(string Table, string Columns)> Tables => [("ipam_subnets", "*"), ("ipam_vpcs", "*")];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case PoolCreated p:
                    Add(batch, """
                        INSERT INTO ipam_subnets (name, vpc, provider, cidr_block, namespaces, project_ids, deleted)
                        VALUES ($1, $2, $3, $4, $5, $6, false)
                        ON CONFLICT (name) DO UPDATE SET vpc = $2, provider = $3, cidr_block = $4, namespaces = $5, project_ids = $6, deleted = false
                        """, p.Subnet, p.Vpc, p.Provider, p.CidrBlock, p.Namespaces.ToArray(), p.ProjectIds.ToArray());
                    break;
                case PoolUpdated p:
                    Add(batch, "UPDATE ipam_subnets SET namespaces = $2, project_ids = $3 WHERE name = $1",
                        p.Subnet, p.Namespaces.ToArray(), p.ProjectIds.ToArray());
                    break;
                case PoolDeleted p:
                    Add(batch, "UPDATE ipam_subnets SET deleted = true WHERE name = $1", p.Subnet);
                    break;
                case VpcRecorded v:
                    Add(batch, """
                        INSERT INTO ipam_vpcs (name, namespaces, default_subnet) VALUES ($1, $2, $3)
                        ON CONFLICT (name) DO UPDATE SET namespaces = $2, default_subnet = $3
                        """, v.Name, v.Namespaces.ToArray(), (object?)v.DefaultSubnet ?? DBNull.Value);
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
        await using var cmd = context.Command("TRUNCATE ipam_subnets, ipam_vpcs");
        await cmd.ExecuteNonQueryAsync(ct);
    }

    internal static void Add(NpgsqlBatch batch, string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var v in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = v });
        }
        batch.BatchCommands.Add(command);
    }
}
