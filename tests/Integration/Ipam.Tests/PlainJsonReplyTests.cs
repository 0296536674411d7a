using System.Text.Json;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using RabbitMQ.Client;

namespace Mesh.Ipam.Tests;

/// <summary>
/// COMMON-7: a caller in any language sends a command as plain JSON with AMQP <c>reply_to</c> and
/// <c>correlation_id</c> and gets the answer there, as plain JSON, its correlation id copied back verbatim.
/// </summary>
public sealed class PlainJsonReplyTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TestVirtualHost _vhost = null!;
    private WebApplication _app = null!;
    private ClientBus _bus = null!;
    private PlainAmqpClient _plain = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync("ipamplain");
        _vhost = await TestVirtualHost.CreateAsync("ipamplain");
        _app = await IpamHost.StartAsync(_db, _vhost);
        _bus = await ClientBus.StartAsync(_vhost.Url);
        await _bus.Bus.Publish(ClientBus.Subnet("plain41", "10.41.0.0/29", "10.41.0.1"));
        await Wait.ForPoolAsync(_app, "plain41");
        _plain = await PlainAmqpClient.ConnectAsync(_vhost.Url);
    }

    public async Task DisposeAsync()
    {
        await _plain.DisposeAsync();
        await _bus.DisposeAsync();
        await _app.DisposeAsync();
        await _vhost.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static string Allocate(string uid, string? ip = null) => JsonSerializer.Serialize(new
    {
        project = "p1", podUid = uid, podNamespace = "default", podName = "pod-" + uid, node = "n1", subnet = "plain41", ipAddress = ip,
    });

    [Fact]
    [Trait("rule", "COMMON-7")]
    public async Task Allocate_release_and_a_refusal_are_answered_as_plain_json_on_reply_to_with_the_callers_correlation_id()
    {
        await using var snoop = await AnswerExchangeSnoop.BindAsync(_vhost.Url, "Mesh.Contracts.Ipam:IpAllocation", "Mesh.Contracts.Ipam:IpReleaseResult", "Mesh.Contracts:Rejected");

        var allocated = await _plain.RequestAsync("ipam-allocate-ip", Allocate("plain-1"), correlationId: "not-a-uuid-1");
        Assert.Equal(("not-a-uuid-1", "IpAllocation"), (allocated.CorrelationId, allocated.Type));
        Assert.Contains("json", allocated.ContentType);
        var ip = allocated.Json.GetProperty("ipAddress").GetString();
        Assert.StartsWith("10.41.0.", ip);
        Assert.Equal("plain-1", allocated.Json.GetProperty("podUid").GetString());
        Assert.False(allocated.Json.TryGetProperty("message", out _), $"a MassTransit envelope: {allocated.Body}");

        var again = await _plain.RequestAsync("ipam-allocate-ip", Allocate("plain-1"));
        Assert.Equal(ip, again.Json.GetProperty("ipAddress").GetString());

        var refused = await _plain.RequestAsync("ipam-allocate-ip", Allocate("plain-2", ip: "10.99.0.1"), correlationId: "refusal-1");
        Assert.Equal(("refusal-1", "Rejected"), (refused.CorrelationId, refused.Type));
        Assert.Equal("IpOutOfRange", refused.Json.GetProperty("code").GetString());
        Assert.Equal(422, refused.Json.GetProperty("status").GetInt32());

        var released = await _plain.RequestAsync("ipam-release-ip", """{"project":"p1","podUid":"plain-1"}""", correlationId: "release-1");
        Assert.Equal(("release-1", "IpReleaseResult"), (released.CorrelationId, released.Type));
        Assert.Equal(ip, released.Json.GetProperty("released")[0].GetString());

        Assert.Empty(_plain.Unexpected);
        Assert.Equal(0u, await snoop.CountAsync());
    }

    [Theory]
    [Trait("rule", "COMMON-7")]
    [InlineData("{\"project\": \"p1\", \"podUid\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"project\": \"p1\", \"podUid\": 42, \"node\": [1]}")]
    public async Task A_malformed_body_is_answered_with_MalformedDocument_not_silence(string body)
    {
        var waiter = _plain.RequestAsync("ipam-allocate-ip", body, correlationId: "bad-" + body.Length);
        var refused = await waiter;
        Assert.Equal("Rejected", refused.Type);
        Assert.Equal("MalformedDocument", refused.Json.GetProperty("code").GetString());
        Assert.Equal(400, refused.Json.GetProperty("status").GetInt32());
        Assert.Equal("body", refused.Json.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(refused.Json.GetProperty("remedy").GetString()));
    }

    [Fact]
    [Trait("rule", "COMMON-7")]
    public async Task A_command_sent_without_reply_to_is_carried_out_and_answered_to_nobody()
    {
        await using var snoop = await AnswerExchangeSnoop.BindAsync(_vhost.Url, "Mesh.Contracts.Ipam:IpAllocation", "Mesh.Contracts:Rejected");
        await _plain.SendAsync("ipam-allocate-ip", System.Text.Encoding.UTF8.GetBytes(Allocate("plain-quiet")), "quiet-1", replyTo: null);
        // The allocation is made: asking again (with a reply) returns it.
        var asked = await _plain.RequestAsync("ipam-allocate-ip", Allocate("plain-quiet"), correlationId: "quiet-2");
        Assert.Equal("plain-quiet", asked.Json.GetProperty("podUid").GetString());
        Assert.DoesNotContain(_plain.Unexpected, a => a.CorrelationId == "quiet-1");
        Assert.Equal(0u, await snoop.CountAsync());
    }
}

/// <summary>A queue bound to the exchanges MassTransit publishes a message type to: an answer there reaches every bound queue.</summary>
internal sealed class AnswerExchangeSnoop(IConnection connection, IChannel channel, string queue) : IAsyncDisposable
{
    public static async Task<AnswerExchangeSnoop> BindAsync(string url, params string[] exchanges)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(url) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var exchange in exchanges)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, exchange, "");
        }
        return new AnswerExchangeSnoop(connection, channel, queue);
    }

    public async Task<uint> CountAsync() => await channel.MessageCountAsync(queue);

    public async ValueTask DisposeAsync()
    {
        await channel.CloseAsync();
        await connection.CloseAsync();
        channel.Dispose();
        connection.Dispose();
    }
}
