using System.Text.Json;
using MassTransit;
using Mesh.Contracts;

namespace Mesh.Messaging;

/// <summary>
/// A plain-JSON request that never reached its consumer (a body that is not JSON, or JSON that does not fit the
/// command) still gets an answer on its <c>reply_to</c>: a <see cref="Rejected"/> saying what is wrong, rather than
/// silence and a message in an error queue nobody reads (COMMON-7). The message still goes to the error queue.
/// </summary>
public sealed class PlainRequestFaultObserver : IReceiveObserver
{
    /// <inheritdoc />
    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    /// <inheritdoc />
    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    /// <inheritdoc />
    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
        Task.CompletedTask;

    /// <inheritdoc />
    public async Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        if (BusReply.ReplyToOf(context) is null)
        {
            return;
        }
        try
        {
            await BusReply.AnswerPlainAsync(context, context.SendEndpointProvider, Explain(exception), CancellationToken.None);
        }
        catch
        {
            // The answer is a courtesy; the message is in the error queue whatever happens here.
        }
    }

    /// <summary>The refusal a plain caller gets for <paramref name="exception"/>.</summary>
    public static Rejected Explain(Exception exception)
    {
        var cause = Innermost(exception);
        if (Chain(exception).Any(e => e is JsonException or System.Runtime.Serialization.SerializationException or FormatException))
        {
            return Rejected.From(new MeshError(ErrorCodes.Malformed, $"the message body is not a valid command: {cause.Message}", ErrorKind.Malformed,
                "body", null, "send one JSON object with the command's camelCase fields (docs/platform-services.md), content_type application/json"));
        }
        return new Rejected("InternalError", $"the service failed to process the command ({cause.GetType().Name}); nothing was answered by it",
            ErrorKind.Invalid.ToString(), null, null, "retry with the same idempotency key; if it persists, see the service's log", 500);
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }

    private static Exception Innermost(Exception e) => Chain(e).Last();
}
