namespace Mesh.Vpc.Service.Handlers;

// SUB-9 and POOL-2 from the caller's side: wait a bounded time for a saga's answer to land in the stream. The
// saga itself lives in the stream and the queues, not in this wait: it completes without it.
internal static class SagaWait
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    // Asks settled() until it has an answer; after wait, answers pending() (202 with the resource as it stands).
    public static async Task<IResult> UntilAsync(TimeProvider clock, TimeSpan wait, Func<Task<IResult?>> settled, Func<Task<IResult>> pending,
        CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            if (await settled() is { } answer)
            {
                return answer;
            }
            if (clock.GetUtcNow() >= deadline)
            {
                return await pending();
            }
            await Task.Delay(Poll, clock, ct);
        }
    }
}
