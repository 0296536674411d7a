using MassTransit;
using Npgsql;

namespace Mesh.Messaging;

/// <summary>
/// A consumer that processes each message id once, its writes and its inbox row in one transaction.
/// Messages sent as plain JSON without an id are keyed by a hash of their body.
/// </summary>
public abstract class IdempotentConsumer<T>(Inbox inbox) : IConsumer<T> where T : class
{
    /// <summary>The inbox key of this consumer; defaults to the class name.</summary>
    protected virtual string ConsumerName => GetType().Name;

    /// <inheritdoc />
    public virtual async Task Consume(ConsumeContext<T> context)
    {
        var id = context.MessageId ?? DeterministicId.FromBytes(context.ReceiveContext.GetBody());
        await inbox.ProcessOnceAsync(ConsumerName, id, (conn, tx) => HandleAsync(context, conn, tx), context.CancellationToken);
    }

    /// <summary>Handles the message; write through <paramref name="conn"/>/<paramref name="tx"/> for exactly-once effects.</summary>
    protected abstract Task HandleAsync(ConsumeContext<T> context, NpgsqlConnection conn, NpgsqlTransaction tx);
}
