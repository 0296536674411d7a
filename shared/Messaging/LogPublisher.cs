using System.Diagnostics;
using System.Diagnostics.Metrics;
using MassTransit;
using Mesh.EventSourcing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mesh.Messaging;

/// <summary>
/// The log is the outbox: this tailer publishes every committed event's contracts to RabbitMQ, in
/// position order per stream, at least once, then records its checkpoint. Woken by LISTEN/NOTIFY;
/// reads only positions no running transaction can still fill (see <see cref="EventReader.ReadCommittedAsync"/>).
/// One replica leads; the others take over when its database session ends.
/// </summary>
public sealed class LogPublisher(
    NpgsqlDataSource dataSource,
    EventTypeRegistry types,
    IEventContractMapper mapper,
    IBus bus,
    EventNotifications notifications,
    EventStoreOptions options,
    ILogger<LogPublisher> logger) : BackgroundService
{
    /// <summary>The checkpoint (and leader lock) name.</summary>
    public const string CheckpointName = "publisher";

    private static readonly ActivitySource Source = new("Mesh.Messaging");
    private static readonly Meter Meter = new("Mesh.Messaging");
    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("mesh.publisher.lag", "ms", "append-to-publish lag");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("mesh.publisher.events", "events", "events published");

    /// <summary>The last position published (for status and tests).</summary>
    public long Position { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var leader = await LeaderLock.TryAcquireAsync(dataSource, CheckpointName, stoppingToken);
                if (leader is null)
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                    continue;
                }
                await TailAsync(leader.Connection, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "publisher stopped at position {Position}; resuming from its checkpoint", Position);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task TailAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        Position = await Checkpoints.GetAsync(conn, null, CheckpointName, ct);
        logger.LogInformation("publisher leads from position {Position}", Position);
        while (!ct.IsCancellationRequested)
        {
            var batch = await EventReader.ReadCommittedAsync(conn, null, types, Position, options.BatchSize, ct);
            if (batch.Count == 0)
            {
                await notifications.WaitAsync(options.IdlePoll, ct);
                continue;
            }
            // Streams are independent: publish them side by side, each one strictly in order.
            await Task.WhenAll(batch.GroupBy(e => e.StreamId).Select(g => PublishStreamAsync(g, ct)));
            await Checkpoints.SetAsync(conn, null, CheckpointName, batch[^1].Position, ct);
            Position = batch[^1].Position;
        }
    }

    private async Task PublishStreamAsync(IEnumerable<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            var index = 0;
            foreach (var message in mapper.Map(e))
            {
                await PublishAsync(e, message, DeterministicId.ForEvent(e.EventId, index++), ct);
            }
            Lag.Record((DateTimeOffset.UtcNow - e.Timestamp).TotalMilliseconds);
            Published.Add(1);
        }
    }

    private async Task PublishAsync(RecordedEvent e, object message, Guid messageId, CancellationToken ct)
    {
        using var activity = e.Metadata.TraceParent is { } parent
            ? Source.StartActivity("publish " + e.Type, ActivityKind.Producer, parent)
            : Source.StartActivity("publish " + e.Type, ActivityKind.Producer);
        await bus.Publish(message, message.GetType(), context =>
        {
            context.MessageId = messageId;
            context.CorrelationId = e.Metadata.CorrelationId;
            context.Headers.Set(MeshHeaders.Position, e.Position);
            context.Headers.Set(MeshHeaders.Stream, e.StreamId);
            context.Headers.Set(MeshHeaders.StreamVersion, e.Version);
            context.Headers.Set(MeshHeaders.EventType, e.Type);
            context.Headers.Set(MeshHeaders.Principal, e.Metadata.Principal);
            context.Headers.Set(MeshHeaders.RecordedAt, e.Timestamp.ToString("O"));
        }, ct);
    }
}
