using System.Text.Json;
using Mesh.EventSourcing;
using Mesh.Fip.Domain.Events;
using NpgsqlTypes;

namespace Mesh.Fip.Service.Projections;

// Pools, floating IPs and rules of every pool stream, in the append's transaction: the service reads it
// to route a command to its stream (FIP name -> external network), for the cross-pool quota and listings.
public sealed class FipCatalogProjection(EventTypeRegistry types) : IInlineProjection, IVerifiableProjection
{
    public string Name => "fip-catalog";

    public IReadOnlyList<(string Table, string Columns)> Tables => [("fip_pools", "*"), ("fip_fips", "*"), ("fip_rules", "*")];

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            if (!e.StreamId.StartsWith("fip-pool-", StringComparison.Ordinal))
            {
                continue;
            }
            var ext = e.StreamId["fip-pool-".Length..];
            var (sql, args) = e.Data switch
            {
                PoolDefined p => ("""
                    INSERT INTO fip_pools (external_network_id, name, cidr, gateway) VALUES (@a, @b, @c, @d)
                    ON CONFLICT (external_network_id) DO UPDATE SET name = @b, cidr = @c, gateway = @d
                    """, new object?[] { ext, p.Pool.Name, p.Pool.Cidr, p.Pool.Gateway }),
                FipAllocated f => ("""
                    INSERT INTO fip_fips (name, external_network_id, project, address, idempotency_key) VALUES (@a, @b, @c, @d, @e)
                    ON CONFLICT (name) DO UPDATE SET external_network_id = @b, project = @c, address = @d, idempotency_key = @e
                    """, [f.Name, ext, f.Project, f.Address, f.IdempotencyKey]),
                FipReleased f => ("DELETE FROM fip_fips WHERE name = @a AND external_network_id = @b", [f.Name, ext]),
                FipAssociated r => ("""
                    INSERT INTO fip_rules (rule_id, external_network_id, kind, fip, project, internal_ip, body)
                    VALUES (@a, @b, @c, @d, @e, @f, @g)
                    ON CONFLICT (rule_id) DO UPDATE SET external_network_id = @b, kind = @c, fip = @d, project = @e, internal_ip = @f, body = @g
                    """, [r.Rule.RuleId, ext, r.Rule.Kind.ToString().ToLowerInvariant(), r.Rule.Fip, r.Rule.Project,
                    r.Rule.InternalIp, JsonSerializer.Serialize(r.Rule, types.Json)]),
                FipDisassociated r => ("DELETE FROM fip_rules WHERE rule_id = @a AND external_network_id = @b", [r.RuleId, ext]),
                _ => ((string?)null, Array.Empty<object?>()),
            };
            if (sql is null)
            {
                continue;
            }
            await using var cmd = context.Command(sql);
            for (var i = 0; i < args.Length; i++)
            {
                var name = ((char)('a' + i)).ToString();
                if (name == "g")
                {
                    cmd.Parameters.AddWithValue(name, NpgsqlDbType.Jsonb, args[i]!);
                }
                else
                {
                    cmd.Parameters.AddWithValue(name, args[i] ?? DBNull.Value);
                }
            }
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task ResetAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var cmd = context.Command("TRUNCATE fip_pools, fip_fips, fip_rules");
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
