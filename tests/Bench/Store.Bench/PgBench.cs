using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Mesh.Store.Bench;

/// <summary>The physical limit: pgbench running a single-row INSERT of the event shape on the same server.</summary>
public static partial class PgBench
{
    public static async Task<(double Tps, double LatencyMs)> InsertAsync(string connectionString, int clients, int seconds)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var ds = NpgsqlDataSource.Create(connectionString))
        await using (var cmd = ds.CreateCommand(
            """
            DROP TABLE IF EXISTS pgbench_events;
            CREATE TABLE pgbench_events (position bigserial PRIMARY KEY, stream_id text NOT NULL, version bigint NOT NULL,
              event_id uuid NOT NULL UNIQUE, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
              created_at timestamptz NOT NULL, tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(), UNIQUE (stream_id, version));
            """))
        {
            await cmd.ExecuteNonQueryAsync();
        }
        var script = Path.GetTempFileName();
        await File.WriteAllTextAsync(script,
            """
            \set v random(1, 1000000000)
            INSERT INTO pgbench_events (stream_id, version, event_id, type, data, metadata, created_at) VALUES ('s-' || :client_id || '-' || :v, 1, gen_random_uuid(), 'bench.counter-incremented.v1', '{"counter":"c","by":1}', '{"principal":"bench","correlationId":"00000000-0000-0000-0000-000000000000"}', now());
            """);
        var pgbench = Directory.GetDirectories("/usr/lib/postgresql").Order().Select(d => Path.Combine(d, "bin", "pgbench")).LastOrDefault(File.Exists)
            ?? throw new InvalidOperationException("pgbench not found (Debian package postgresql-contrib / postgresql-15)");
        var psi = new ProcessStartInfo(pgbench,
            $"-n -h {cs.Host} -p {cs.Port} -U {cs.Username} -c {clients} -j {Math.Min(clients, 8)} -T {seconds} -f {script} {cs.Database}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(script);
        var tps = Tps().Match(output);
        var latency = Latency().Match(output);
        if (!tps.Success)
        {
            throw new InvalidOperationException("pgbench failed: " + output + error);
        }
        return (double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
            latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN);
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex Latency();
}
