using MassTransit;
using Mesh.Contracts;
using Mesh.Fip.Service.Handlers;
using Mesh.Hosting;

namespace Mesh.Fip.Service.Consumers;

// Request/response: the result record, or Rejected with the same code an HTTP caller gets.
internal static class BusReply
{
    public static async Task RespondAsync<TRequest, TResult>(ConsumeContext<TRequest> context, string project,
        Func<Caller, Task<TResult>> handle) where TRequest : class where TResult : class
    {
        var caller = Caller.Bus(project ?? "", context.CorrelationId, context.MessageId);
        try
        {
            await Mesh.Messaging.BusReply.AnswerAsync(context, await handle(caller));
        }
        catch (MeshException ex)
        {
            await Mesh.Messaging.BusReply.AnswerAsync(context, Rejected.From(ex.Error));
        }
    }
}
