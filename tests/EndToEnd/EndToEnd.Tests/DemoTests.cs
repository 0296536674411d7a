using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Mesh.Hosting;
using Mesh.Testing;
using Xunit.Abstractions;

namespace Mesh.EndToEnd.Tests;

/// <summary>The five services as processes after `./mesh demo`'s script ran against them with two node agents.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public ServiceProcesses Mesh { get; private set; } = null!;
    public int ExitCode { get; private set; }
    public string Output { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Mesh = await ServiceProcesses.StartAsync();
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(TestServers.RepositoryRoot, "scripts", "demo.sh"));
        foreach (var (key, value) in Mesh.ClientEnvironment)
        {
            psi.Environment[key] = value;
        }
        psi.Environment["MESH_BUILD_CONFIGURATION"] = ServiceProcesses.BuildConfiguration;
        psi.Environment["NO_COLOR"] = "1";
        // The two node agents outlive the demo: the replay test delivers every event to them too.
        psi.Environment["MESH_DEMO_AGENTS_PIDS"] = _agents;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await process.WaitForExitAsync(timeout.Token);
        ExitCode = process.ExitCode;
        Output = await stdout + await stderr;
    }

    public string Logs => Output + "\n--- service logs ---\n" + string.Join("\n", ServiceProcesses.All.Select(s => s + ":\n" + Mesh.Tail(s)));

    public async Task DisposeAsync()
    {
        foreach (var pid in File.Exists(_agents) ? File.ReadAllLines(_agents) : [])
        {
            try
            {
                using var agent = Process.GetProcessById(int.Parse(pid));
                agent.Kill();
                await agent.WaitForExitAsync();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
            {
                // Already gone.
            }
        }
        File.Delete(_agents);
        await Mesh.DisposeAsync();
    }

    private readonly string _agents = Path.Combine(Path.GetTempPath(), $"mesh-demo-agents-{Guid.NewGuid():N}");
}

public sealed class DemoTests(DemoFixture demo, ITestOutputHelper output) : IClassFixture<DemoFixture>
{
    // Bookkeeping of delivery itself, not state: the inbox grows by design, checkpoints move.
    private static readonly string[] Bookkeeping = ["mesh_inbox", "mesh_checkpoints", "mesh_migrations"];

    [Fact]
    public void The_demo_runs_every_seed_workflow_green()
    {
        Assert.True(demo.ExitCode == 0, demo.Logs);
        Assert.Contains("demo finished: every step checked", demo.Output);
        Assert.Contains("0/2 nodes are available", demo.Output);
    }

    /// <summary>
    /// Every event of every service delivered a second time, late (after everything that followed it),
    /// to every consumer queue: first with its original message id (the inbox), then with the inboxes
    /// emptied (the domain's own idempotency and ordering by generation). Nothing changes: no new
    /// event anywhere, every table of every service identical, every read model verifies.
    /// </summary>
    [Fact]
    [Trait("promise", "duplicates")]
    public async Task Every_event_delivered_again_late_to_every_consumer_changes_nothing()
    {
        Assert.True(demo.ExitCode == 0, demo.Logs);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            DevTokens.Mint(new AuthOptions(), "sre", "platform", MeshPrincipal.AdminRole));
        var queues = await ConsumerQueuesAsync();
        Assert.NotEmpty(queues);
        await QuiescentAsync(queues);
        var before = await FingerprintAsync();
        var heads = new Dictionary<string, long>();
        foreach (var service in ServiceProcesses.All)
        {
            heads[service] = await demo.Mesh.Database(service).ScalarAsync<long>("SELECT coalesce(max(position), 0) FROM mesh_events");
        }

        foreach (var emptyInboxes in new[] { false, true })
        {
            if (emptyInboxes)
            {
                foreach (var service in ServiceProcesses.All)
                {
                    await using var cmd = demo.Mesh.Database(service).DataSource.CreateCommand("DELETE FROM mesh_inbox");
                    await cmd.ExecuteNonQueryAsync();
                }
            }
            long messages = 0;
            foreach (var service in ServiceProcesses.All)
            {
                foreach (var queue in queues)
                {
                    var replay = await http.PostAsJsonAsync($"{demo.Mesh.Urls[service]}/admin/v1/replay", new { queue });
                    var body = await replay.Content.ReadFromJsonAsync<JsonElement>();
                    Assert.True(replay.IsSuccessStatusCode, $"{service} -> {queue}: {body}");
                    messages += body.GetProperty("messages").GetInt64();
                }
            }
            output.WriteLine($"{(emptyInboxes ? "inboxes emptied: " : "")}{messages} messages delivered again to {queues.Count} queues");
            Assert.True(messages > 0);
            await QuiescentAsync(queues);

            var after = await FingerprintAsync();
            foreach (var (key, value) in before)
            {
                Assert.True(after.TryGetValue(key, out var now) && now == value,
                    $"{key} changed{(emptyInboxes ? " with the inboxes emptied" : "")}; events appended meanwhile:\n{await NewEventsAsync(key.Split('.')[0], heads[key.Split('.')[0]])}");
            }
            foreach (var service in ServiceProcesses.All)
            {
                var verify = await http.PostAsync($"{demo.Mesh.Urls[service]}/admin/v1/verify", null);
                var body = await verify.Content.ReadAsStringAsync();
                Assert.True(verify.IsSuccessStatusCode, $"{service}: {body}");
                Assert.All(JsonDocument.Parse(body).RootElement.EnumerateArray(), p => Assert.True(p.GetProperty("equal").GetBoolean(), $"{service}: {p}"));
            }
        }
    }

    /// <summary>
    /// Every operation every service documents in its OpenAPI description, called without a token, is
    /// refused with 401 (health and the description itself aside) and changes nothing.
    /// </summary>
    [Fact]
    [Trait("promise", "tenancy")]
    public async Task Every_documented_endpoint_of_every_service_refuses_a_caller_without_a_token()
    {
        Assert.True(demo.ExitCode == 0, demo.Logs);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var heads = new Dictionary<string, long>();
        var calls = 0;
        // What the demo set in motion (usage reports, saga answers) lands first: the heads are read from a quiet log.
        async Task<string> HeadsAsync() => string.Join(",", await Task.WhenAll(ServiceProcesses.All.Select(s =>
            demo.Mesh.Database(s).ScalarAsync<long>("SELECT coalesce(max(position), 0) FROM mesh_events"))));
        var quiet = await HeadsAsync();
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(1000);
            var now = await HeadsAsync();
            if (now == quiet)
            {
                break;
            }
            quiet = now;
        }
        foreach (var service in ServiceProcesses.All)
        {
            heads[service] = await demo.Mesh.Database(service).ScalarAsync<long>("SELECT coalesce(max(position), 0) FROM mesh_events");
            var openApi = await http.GetFromJsonAsync<JsonElement>($"{demo.Mesh.Urls[service]}/openapi/v1.json");
            foreach (var path in openApi.GetProperty("paths").EnumerateObject())
            {
                if (path.Name.StartsWith("/health/", StringComparison.Ordinal))
                {
                    continue;
                }
                // Any value fills a path parameter: the answer must come before the route's own checks.
                var url = System.Text.RegularExpressions.Regex.Replace(path.Name, "\\{[^}]+\\}", "1");
                foreach (var operation in path.Value.EnumerateObject())
                {
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), demo.Mesh.Urls[service] + url);
                    if (operation.Name is "put" or "post" or "patch")
                    {
                        request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                    }
                    var response = await http.SendAsync(request);
                    Assert.True(response.StatusCode == System.Net.HttpStatusCode.Unauthorized,
                        $"{service} {operation.Name.ToUpperInvariant()} {path.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    calls++;
                }
            }
        }
        output.WriteLine($"{calls} operations refused without a token");
        Assert.True(calls > 30, $"only {calls} operations documented");
        foreach (var service in ServiceProcesses.All)
        {
            var head = await demo.Mesh.Database(service).ScalarAsync<long>("SELECT coalesce(max(position), 0) FROM mesh_events");
            var appended = head == heads[service] ? "" : await demo.Mesh.Database(service).ScalarAsync<string>(
                $"SELECT string_agg(type, ', ' ORDER BY position) FROM mesh_events WHERE position > {heads[service]}");
            Assert.True(heads[service] == head, $"{service} appended {appended} while refusing callers without a token");
        }
    }

    // The durable queues something consumes from: the services' and the two node agents' (bus endpoints are temporary).
    private async Task<List<string>> ConsumerQueuesAsync()
    {
        var json = JsonDocument.Parse(await demo.Mesh.VirtualHost.GetJsonAsync("/api/queues/{vhost}")).RootElement;
        return json.EnumerateArray()
            .Where(q => q.GetProperty("consumers").GetInt32() > 0 && q.GetProperty("durable").GetBoolean() && !q.GetProperty("auto_delete").GetBoolean())
            .Select(q => q.GetProperty("name").GetString()!)
            .Where(n => !n.EndsWith("_error", StringComparison.Ordinal) && !n.EndsWith("_skipped", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    // Every queue empty and nothing unacknowledged, twice in a row a second apart, and the log publishers caught up.
    private async Task QuiescentAsync(IReadOnlyCollection<string> queues)
    {
        var quiet = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        var busy = new List<string>();
        while (quiet < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the queues did not drain in 3 minutes; still busy: {string.Join(", ", busy)}");
            await Task.Delay(TimeSpan.FromSeconds(1));
            // The management API's counters are refreshed every few seconds: ask the queues one by one.
            busy.Clear();
            foreach (var queue in queues)
            {
                var q = JsonDocument.Parse(await demo.Mesh.VirtualHost.GetJsonAsync($"/api/queues/{{vhost}}/{Uri.EscapeDataString(queue)}")).RootElement;
                // A queue listed before its first statistics counts as busy.
                if (!q.TryGetProperty("messages", out var messages) || messages.GetInt64() > 0)
                {
                    busy.Add($"{queue} ({(q.TryGetProperty("messages", out var m) ? m.ToString() : "no statistics yet")} messages, "
                        + $"{(q.TryGetProperty("consumers", out var c) ? c.ToString() : "?")} consumers)");
                }
            }
            quiet = busy.Count > 0 ? 0 : quiet + 1;
        }
        await Task.Delay(TimeSpan.FromSeconds(5));
    }

    private async Task<string> NewEventsAsync(string service, long after)
    {
        await using var cmd = demo.Mesh.Database(service).DataSource.CreateCommand(
            $"SELECT string_agg(position || ' ' || stream_id || ' ' || type || ' ' || data::text || ' ' || metadata::text, E'\\n' ORDER BY position) FROM mesh_events WHERE position > {after}");
        return (await cmd.ExecuteScalarAsync()) as string ?? "(none)";
    }

    // Every table of every service database (bookkeeping aside), as an md5 of its sorted rows.
    private async Task<Dictionary<string, string>> FingerprintAsync()
    {
        var result = new Dictionary<string, string>();
        foreach (var service in ServiceProcesses.All)
        {
            var db = demo.Mesh.Database(service).DataSource;
            var tables = new List<string>();
            await using (var cmd = db.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
            await using (var reader = await cmd.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            foreach (var table in tables.Except(Bookkeeping))
            {
                await using var cmd = db.CreateCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t");
                result[$"{service}.{table}"] = (string)(await cmd.ExecuteScalarAsync())!;
            }
        }
        return result;
    }
}
