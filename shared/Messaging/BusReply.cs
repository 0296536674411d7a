using MassTransit;
using MassTransit.RabbitMqTransport;
using MassTransit.Serialization;
using RabbitMQ.Client;

namespace Mesh.Messaging;

/// <summary>
/// The one way every request consumer answers. A MassTransit requester (it sent a response address)
/// gets MassTransit's response. A plain-JSON sender in any language (it set the AMQP <c>reply_to</c>
/// property, as docs/platform-services.md shows) gets the answer as plain camelCase JSON on the
/// default exchange with routing key = its <c>reply_to</c>, its <c>correlation_id</c> copied back, and
/// the AMQP <c>type</c> property naming the answer (<c>IpAllocation</c>, <c>Rejected</c>, ...). A sender
/// that asked for no answer gets none: an answer is never published to the answer type's exchange,
/// where every bound queue would see every project's answers.
/// </summary>
public static class BusReply
{
    /// <summary>The raw serializer for answers to plain-JSON senders: the message itself, no envelope.</summary>
    private static readonly SystemTextJsonRawMessageSerializer PlainJson = new(RawSerializerOptions.Default);

    private static readonly Uri DirectReply = new($"exchange:{RabbitMqExchangeNames.ReplyTo}");

    /// <summary>Sends <paramref name="answer"/> (typed by its runtime type) to whoever asked, if anyone did.</summary>
    public static async Task AnswerAsync(ConsumeContext context, object answer)
    {
        if (context.ResponseAddress is not null)
        {
            await context.RespondAsync(answer, answer.GetType());
            return;
        }
        await AnswerPlainAsync(context.ReceiveContext, context, answer, context.CancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="answer"/> as plain JSON to the AMQP <c>reply_to</c> of the message <paramref name="received"/>
    /// (nothing when it named none), through <paramref name="endpoints"/>.
    /// </summary>
    public static async Task AnswerPlainAsync(ReceiveContext received, ISendEndpointProvider endpoints, object answer, CancellationToken ct)
    {
        if (received is not RabbitMqBasicConsumeContext { Properties: var properties } || ReplyToOf(received) is not { } replyTo)
        {
            return;
        }
        var endpoint = await endpoints.GetSendEndpoint(DirectReply);
        await endpoint.Send(answer, answer.GetType(), Pipe.Execute<SendContext>(send =>
        {
            send.Serializer = PlainJson;
            send.SetRoutingKey(replyTo);
            send.Durable = false;
            if (send is RabbitMqSendContext rabbit)
            {
                rabbit.BasicProperties.Type = answer.GetType().Name;
                if (properties.IsCorrelationIdPresent())
                {
                    // Verbatim: a caller's correlation id need not be a UUID.
                    send.CorrelationId = null;
                    rabbit.BasicProperties.CorrelationId = properties.CorrelationId;
                }
            }
        }), ct);
    }

    /// <summary>The AMQP <c>reply_to</c> queue of a plain (non-MassTransit) request, if it named one.</summary>
    public static string? ReplyToOf(ConsumeContext context) => ReplyToOf(context.ReceiveContext);

    /// <summary>The AMQP <c>reply_to</c> queue of a received message, if it named one.</summary>
    public static string? ReplyToOf(ReceiveContext context) =>
        context is RabbitMqBasicConsumeContext { Properties: var p } && p.IsReplyToPresent() && !string.IsNullOrWhiteSpace(p.ReplyTo)
            ? p.ReplyTo
            : null;

    /// <summary>Whether anyone waits for an answer to this message (a MassTransit requester or an AMQP <c>reply_to</c>).</summary>
    public static bool Asked(ConsumeContext context) => context.ResponseAddress is not null || ReplyToOf(context) is not null;
}
