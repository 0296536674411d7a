using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Mesh.Testing;

/// <summary>
/// A caller that knows nothing of MassTransit: plain JSON to a queue on the default exchange, with AMQP
/// <c>reply_to</c> (its own exclusive, server-named queue) and <c>correlation_id</c>, as a Python or Go
/// platform service sends (docs/platform-services.md).
/// </summary>
public sealed class PlainAmqpClient : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<PlainAnswer>> _waiting = new();

    private PlainAmqpClient(IConnection connection, IChannel channel, string replyQueue)
    {
        _connection = connection;
        _channel = channel;
        ReplyQueue = replyQueue;
    }

    /// <summary>The queue this client's answers arrive on.</summary>
    public string ReplyQueue { get; }

    /// <summary>Answers that arrived with a correlation id nobody waits for.</summary>
    public ConcurrentQueue<PlainAnswer> Unexpected { get; } = new();

    public static async Task<PlainAmqpClient> ConnectAsync(string url)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(url) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        var client = new PlainAmqpClient(connection, channel, queue);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var answer = new PlainAnswer(delivery.BasicProperties.CorrelationId, delivery.BasicProperties.Type,
                delivery.BasicProperties.ContentType, Encoding.UTF8.GetString(delivery.Body.Span));
            if (answer.CorrelationId is not null && client._waiting.TryRemove(answer.CorrelationId, out var waiter))
            {
                waiter.TrySetResult(answer);
            }
            else
            {
                client.Unexpected.Enqueue(answer);
            }
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return client;
    }

    /// <summary>Sends <paramref name="json"/> to <paramref name="queue"/> and waits for the answer with its correlation id.</summary>
    public async Task<PlainAnswer> RequestAsync(string queue, string json, string? correlationId = null, TimeSpan? timeout = null)
    {
        correlationId ??= Guid.NewGuid().ToString();
        var waiter = new TaskCompletionSource<PlainAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[correlationId] = waiter;
        await SendAsync(queue, Encoding.UTF8.GetBytes(json), correlationId, ReplyQueue);
        try
        {
            return await waiter.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no answer on {ReplyQueue} with correlation id {correlationId} to {json}");
        }
    }

    /// <summary>Sends raw bytes (no answer awaited here).</summary>
    public async Task SendAsync(string queue, byte[] body, string? correlationId, string? replyTo)
    {
        var props = new BasicProperties
        {
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = Guid.NewGuid().ToString(),
            CorrelationId = correlationId,
            ReplyTo = replyTo,
        };
        await _channel.BasicPublishAsync("", queue, mandatory: false, props, body);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}

/// <summary>One answer as a plain AMQP client sees it.</summary>
public sealed record PlainAnswer(string? CorrelationId, string? Type, string? ContentType, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
