using System.Collections.Concurrent;
using MassTransit;
using Mesh.Messaging;
using Npgsql;

namespace Mesh.Foundation.Tests;

/// <summary>
/// Records every event it processes in the <c>observed</c> table (through the inbox, so exactly once)
/// and every delivery it is handed in <see cref="Deliveries"/> (at least once).
/// </summary>
public sealed class ObservedEventConsumer(Inbox inbox, DeliveryLog log) : IdempotentConsumer<EventObserved>(inbox)
{
    public override async Task Consume(ConsumeContext<EventObserved> context)
    {
        log.Deliveries.Add(context.Message.Position);
        await base.Consume(context);
    }

    protected override async Task HandleAsync(ConsumeContext<EventObserved> context, NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        log.Processed.Add(context.Message.Position);
        await using var cmd = new NpgsqlCommand("INSERT INTO observed (position, stream, version) VALUES (@p, @s, @v)", conn, tx);
        cmd.Parameters.AddWithValue("p", context.Message.Position);
        cmd.Parameters.AddWithValue("s", context.Message.Stream);
        cmd.Parameters.AddWithValue("v", context.Message.Version);
        await cmd.ExecuteNonQueryAsync();
    }
}

public sealed class DeliveryLog
{
    /// <summary>Every copy handed to the consumer.</summary>
    public ConcurrentBag<long> Deliveries { get; } = [];

    /// <summary>What the consumer acted on (after the inbox).</summary>
    public ConcurrentBag<long> Processed { get; } = [];
}
