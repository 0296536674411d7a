using System.Collections.Concurrent;
using System.Text;
using MassTransit;
using Mesh.EventSourcing;
using Mesh.Messaging;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RabbitMQ.Client;

namespace Mesh.Foundation.Tests;

public sealed class RoutingTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TestVirtualHost _vhost = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync("routing");
        _vhost = await TestVirtualHost.CreateAsync("routing");
        await SchemaMigrator.MigrateAsync(_db.DataSource, []);
        await _db.ScalarAsync<int>("CREATE TABLE notes (key text PRIMARY KEY, text text NOT NULL, times int NOT NULL DEFAULT 1); SELECT 1");
    }

    public async Task DisposeAsync()
    {
        await _vhost.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    [Trait("issue", "23")]
    public async Task The_bus_reports_no_usage_telemetry_to_its_vendor()
    {
        using var host = await BusHost.StartAsync(_db, _vhost, "routing", publisher: false);
        var telemetry = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<UsageTelemetryOptions>>().Value;
        Assert.False(telemetry.Enabled);
    }

    [Fact]
    public async Task A_node_agent_receives_only_its_own_nodes_events_and_a_service_receives_all()
    {
        var seen = new ConcurrentDictionary<string, ConcurrentBag<string>>();
        using var host = await BusHost.StartAsync(_db, _vhost, "routing", publisher: false, configure: (ctx, cfg) =>
        {
            foreach (var (queue, node) in new[] { ("agent-node-a", "node-a"), ("agent-node-b", "node-b"), ("service-all", (string?)null) })
            {
                cfg.ReceiveEndpoint(queue, e =>
                {
                    e.BindNodeScoped<VfAssignedToPod>(node);
                    e.Handler<VfAssignedToPod>(c =>
                    {
                        seen.GetOrAdd(queue, _ => []).Add(c.Message.Pod);
                        return Task.CompletedTask;
                    });
                });
            }
        });
        var bus = host.Services.GetRequiredService<IBus>();
        await bus.Publish(new VfAssignedToPod("node-a", "pod-1"));
        await bus.Publish(new VfAssignedToPod("node-b", "pod-2"));
        await bus.Publish(new VfAssignedToPod("node-a", "pod-3"));
        await bus.Publish(new VfAssignedToPod("node-c", "pod-4"));

        await Eventually.TrueAsync(() => seen.GetValueOrDefault("service-all")?.Count == 4, "the service sees every node");
        await Task.Delay(300);
        Assert.Equal(["pod-1", "pod-3"], seen["agent-node-a"].Order());
        Assert.Equal(["pod-2"], seen["agent-node-b"].Order());
    }

    [Fact]
    public async Task A_command_sent_as_plain_json_by_a_non_dotnet_sender_is_consumed_once()
    {
        using var host = await BusHost.StartAsync(_db, _vhost, "routing", publisher: false,
            consumers: x => x.AddConsumer<RecordNoteConsumer>());
        var formatter = new KebabCaseEndpointNameFormatter("routing", false);
        var queue = formatter.Consumer<RecordNoteConsumer>();

        var factory = new ConnectionFactory { Uri = new Uri(_vhost.Url) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var body = Encoding.UTF8.GetBytes("""{"key":"k1","text":"from python"}""");
        var props = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync("", queue, false, props, body);
        await channel.BasicPublishAsync("", queue, false, props, body);

        await Eventually.TrueAsync(async () => await CountAsync() == 1, "the note recorded");
        await Task.Delay(500);
        Assert.Equal(1, await _db.ScalarAsync<int>("SELECT times FROM notes WHERE key = 'k1'"));
        Assert.Equal("from python", await _db.ScalarAsync<string>("SELECT text FROM notes WHERE key = 'k1'"));
    }

    private Task<long> CountAsync() => _db.ScalarAsync<long>("SELECT count(*) FROM notes");

    public sealed class RecordNoteConsumer(Inbox inbox) : IdempotentConsumer<RecordNote>(inbox)
    {
        protected override async Task HandleAsync(ConsumeContext<RecordNote> context, NpgsqlConnection conn, NpgsqlTransaction tx)
        {
            await using var cmd = new NpgsqlCommand(
                "INSERT INTO notes (key, text) VALUES (@k, @t) ON CONFLICT (key) DO UPDATE SET times = notes.times + 1", conn, tx);
            cmd.Parameters.AddWithValue("k", context.Message.Key);
            cmd.Parameters.AddWithValue("t", context.Message.Text);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
