using MassTransit;
using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Messaging;

namespace Mesh.Gpu.Service.Consumers;

/// <summary>Runs a handler for a bus command: its result or <see cref="Rejected"/> to a requester, nothing otherwise.</summary>
public static class BusReplies
{
    public static async Task AnswerAsync<TResult>(ConsumeContext context, Func<Task<TResult>> handle) where TResult : class
    {
        object answer;
        try
        {
            answer = await handle();
        }
        catch (MeshException refused)
        {
            answer = Rejected.From(refused.Error);
        }
        // A node agent or service that sent the command without waiting for an answer gets none.
        await BusReply.AnswerAsync(context, answer);
    }
}
