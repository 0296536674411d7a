using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Mesh.EventSourcing;
using Mesh.Hosting;
using Mesh.Messaging;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Foundation.Tests;

/// <summary>The SRE surface (SRE-1, SRE-2) every service serves under /admin/v1.</summary>
public sealed class AdminApiTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TestVirtualHost _vhost = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private readonly List<long> _replayed = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync("admin");
        _vhost = await TestVirtualHost.CreateAsync("admin");
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Mesh:Postgres"] = _db.ConnectionString;
        builder.Configuration["Mesh:RabbitMq:Url"] = _vhost.Url;
        var mesh = builder.AddServiceDefaults("admin");
        builder.Services.AddServiceInfrastructure("admin", mesh, TestTypes.Register, configureBus: (_, cfg) =>
            cfg.ReceiveEndpoint("replay-target", e =>
            {
                e.ConfigureConsumeTopology = false;
                e.Handler<EventObserved>(c =>
                {
                    lock (_replayed)
                    {
                        _replayed.Add(c.Message.Position);
                    }
                    return Task.CompletedTask;
                });
            }));
        builder.Services.AddSingleton<IEventContractMapper, ObservingMapper>();
        builder.Services.AddInlineProjection<InlineCounterTotals>();
        builder.Services.AddMigrations([new Migration("test:001", CounterTotals.Schema("counter_totals_inline"))]);
        _app = builder.Build();
        _app.MapServiceDefaults();
        await _app.StartAsync();
        _http = _app.GetTestClient();
        var store = _app.Services.GetRequiredService<EventStore>();
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync("counter-a", i, [new CounterIncremented("a", i + 1)], new EventMetadata("alice", Guid.NewGuid(), null, "Increment", "test"));
        }
        await store.AppendAsync("counter-b", 0, [new CounterIncremented("b", 7)], new EventMetadata("bob", Guid.NewGuid()));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _vhost.DisposeAsync();
        await _db.DisposeAsync();
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string role = MeshPrincipal.AdminRole, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevTokens.Mint(new AuthOptions(), "sre", "platform", role));
        return request;
    }

    [Fact]
    public async Task The_whole_history_is_readable_with_position_stream_version_type_time_and_principal()
    {
        var response = await _http.SendAsync(Request(HttpMethod.Get, "/admin/v1/events?stream=counter-a"));
        var events = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, events.GetArrayLength());
        var first = events[0];
        Assert.Equal("counter-a", first.GetProperty("streamId").GetString());
        Assert.Equal(1, first.GetProperty("version").GetInt64());
        Assert.Equal("test.counter-incremented.v1", first.GetProperty("type").GetString());
        Assert.Equal("alice", first.GetProperty("metadata").GetProperty("principal").GetString());
        Assert.Equal(1, first.GetProperty("data").GetProperty("by").GetInt32());
        Assert.True(first.GetProperty("position").GetInt64() > 0);
    }

    [Fact]
    public async Task Only_an_admin_reads_the_history()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(Request(HttpMethod.Get, "/admin/v1/events", "member"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync("/admin/v1/events")).StatusCode);
    }

    [Fact]
    public async Task Verify_finds_a_read_model_equal_to_its_events_and_a_damaged_one_not_and_changes_nothing()
    {
        var ok = await (await _http.SendAsync(Request(HttpMethod.Post, "/admin/v1/verify"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(ok[0].GetProperty("equal").GetBoolean());

        await _db.ScalarAsync<int>("UPDATE counter_totals_inline SET total = total + 1 WHERE stream = 'counter-b'; SELECT 1");
        var damaged = await (await _http.SendAsync(Request(HttpMethod.Post, "/admin/v1/verify"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(damaged[0].GetProperty("equal").GetBoolean());
        Assert.Equal(8, await _db.ScalarAsync<long>("SELECT total FROM counter_totals_inline WHERE stream = 'counter-b'"));

        var rebuild = await _http.SendAsync(Request(HttpMethod.Post, "/admin/v1/projections/counter_totals_inline/rebuild"));
        Assert.Contains("\"rebuilt\"", await rebuild.Content.ReadAsStringAsync());
        Assert.Equal(7, await _db.ScalarAsync<long>("SELECT total FROM counter_totals_inline WHERE stream = 'counter-b'"));
    }

    [Fact]
    public async Task Replay_republishes_a_range_to_one_queue_only()
    {
        var events = await (await _http.SendAsync(Request(HttpMethod.Get, "/admin/v1/events?stream=counter-a"))).Content.ReadFromJsonAsync<JsonElement>();
        var from = events[1].GetProperty("position").GetInt64();
        var to = events[3].GetProperty("position").GetInt64();
        var response = await _http.SendAsync(Request(HttpMethod.Post, "/admin/v1/replay", body: new { from, to, queue = "replay-target" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.TrueAsync(() => { lock (_replayed) { return _replayed.Count >= 3; } }, "3 replayed messages");
        await Task.Delay(300);
        lock (_replayed)
        {
            Assert.Equal([from, from + 1, to], _replayed.Order());
        }
        var missing = await _http.SendAsync(Request(HttpMethod.Post, "/admin/v1/replay", body: new { from, to, queue = "" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
    }
}
