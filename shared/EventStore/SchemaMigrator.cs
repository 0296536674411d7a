using System.Reflection;
using Npgsql;

namespace Mesh.EventSourcing;

/// <summary>
/// Creates and migrates the event store schema on start: embedded scripts <c>NNN_name.sql</c>,
/// applied once each, in order, under an advisory lock so replicas starting together do not race.
/// Services add their own read-model scripts through <see cref="MigrateAsync(NpgsqlDataSource, IEnumerable{Migration}, CancellationToken)"/>.
/// </summary>
public static class SchemaMigrator
{
    private const long MigrationLock = 7243500000;

    /// <summary>The event store's own migrations.</summary>
    public static IReadOnlyList<Migration> EventStoreMigrations { get; } = FromAssembly(typeof(SchemaMigrator).Assembly, "mesh");

    /// <summary>Migrations embedded in <paramref name="assembly"/> as resources ending in <c>.sql</c>.</summary>
    public static IReadOnlyList<Migration> FromAssembly(Assembly assembly, string scope) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                var file = n[..^4];
                var id = file[(file.LastIndexOf('.') + 1)..];
                return new Migration($"{scope}:{id}", reader.ReadToEnd());
            })
            .ToArray();

    /// <summary>Applies the event store schema and then <paramref name="extra"/>.</summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, IEnumerable<Migration> extra, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock({MigrationLock}); CREATE TABLE IF NOT EXISTS mesh_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());",
            conn, tx))
        {
            await cmd.ExecuteNonQueryAsync(ct);
        }
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT id FROM mesh_migrations", conn, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                applied.Add(reader.GetString(0));
            }
        }
        foreach (var migration in EventStoreMigrations.Concat(extra).Where(m => !applied.Contains(m.Id)))
        {
            await using var cmd = new NpgsqlCommand(migration.Sql + ";\nINSERT INTO mesh_migrations (id) VALUES (@id);", conn, tx);
            cmd.Parameters.AddWithValue("id", migration.Id);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}

/// <summary>One schema change, applied once.</summary>
public sealed record Migration(string Id, string Sql);
