using System.Text.Json;
using Mesh.Addressing;
using Mesh.EventSourcing;
using Mesh.Fip.Domain.Model;
using Mesh.Fip.Service.World;
using Npgsql;

namespace Mesh.Fip.Service.Projections;

public sealed record PoolRow(string ExternalNetworkId, string Name, string Cidr, string Gateway);

public sealed record FipRow(string Name, string ExternalNetworkId, string Project, string Address, string IdempotencyKey);

public sealed record RuleRow(string ExternalNetworkId, NatRule Rule);

// Queries over FipCatalogProjection: which stream a pool, FIP or rule lives in, and listings.
public sealed class Catalog(NpgsqlDataSource db, EventTypeRegistry types)
{
    public Task<List<PoolRow>> PoolsAsync() => Sql.QueryAsync(db,
        "SELECT external_network_id, name, cidr, gateway FROM fip_pools ORDER BY name", ReadPool);

    public async Task<PoolRow?> PoolAsync(string nameOrId) =>
        (await PoolsAsync()).OrderBy(p => p.ExternalNetworkId != nameOrId).FirstOrDefault(p => p.Name == nameOrId || p.ExternalNetworkId == nameOrId);

    public async Task<PoolRow?> PoolContainingAsync(string address) =>
        IpAddress.TryParse(address, IpFamily.V4, out var a)
            ? (await PoolsAsync()).FirstOrDefault(p => IpPrefix.TryParseNormalised(p.Cidr, out var c, out _) && c.Contains(a))
            : null;

    public Task<FipRow?> FipAsync(string name) => Sql.FirstAsync(db, $"{FipSelect} WHERE name = @n", ReadFip, ("n", name));

    public Task<FipRow?> FipAtAsync(string address) => Sql.FirstAsync(db, $"{FipSelect} WHERE address = @a", ReadFip, ("a", address));

    public Task<List<FipRow>> FipsAsync(string? project) => Sql.QueryAsync(db,
        $"{FipSelect} WHERE @p::text IS NULL OR project = @p ORDER BY name", ReadFip, ("p", project));

    public Task<List<FipRow>> FipsByKeyPrefixAsync(string prefix) => Sql.QueryAsync(db,
        $"{FipSelect} WHERE starts_with(idempotency_key, @k) ORDER BY name", ReadFip, ("k", prefix));

    public async Task<int> HeldElsewhereAsync(string project, string externalNetworkId) => (int)(await Sql.QueryAsync(db,
        "SELECT count(*) FROM fip_fips WHERE project = @p AND external_network_id <> @x", r => r.GetInt64(0),
        ("p", project), ("x", externalNetworkId)))[0];

    public Task<RuleRow?> RuleAsync(string ruleId) => Sql.FirstAsync(db,
        "SELECT external_network_id, body FROM fip_rules WHERE rule_id = @r", ReadRule, ("r", ruleId));

    public Task<List<RuleRow>> RulesAsync(string kind, string? project) => Sql.QueryAsync(db,
        "SELECT external_network_id, body FROM fip_rules WHERE kind = @k AND (@p::text IS NULL OR project = @p) ORDER BY rule_id",
        ReadRule, ("k", kind), ("p", project));

    public async Task<List<NatRule>> RulesOfAsync(string fip) => [.. (await Sql.QueryAsync(db,
        "SELECT external_network_id, body FROM fip_rules WHERE fip = @f ORDER BY rule_id", ReadRule, ("f", fip))).Select(r => r.Rule)];

    public Task<List<string>> PoolsWithRulesOnAsync(string ip) => Sql.QueryAsync(db,
        "SELECT DISTINCT external_network_id FROM fip_rules WHERE internal_ip = @i", r => r.GetString(0), ("i", ip));

    private const string FipSelect = "SELECT name, external_network_id, project, address, idempotency_key FROM fip_fips";

    private static PoolRow ReadPool(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));

    private static FipRow ReadFip(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4));

    private RuleRow ReadRule(NpgsqlDataReader r) => new(r.GetString(0), JsonSerializer.Deserialize<NatRule>(r.GetString(1), types.Json)!);
}
