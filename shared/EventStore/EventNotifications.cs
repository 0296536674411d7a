using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mesh.EventSourcing;

/// <summary>
/// Listens on <c>mesh_events</c> (sent by every append at commit) and wakes the tailers, so that
/// publish latency is milliseconds rather than a poll interval.
/// </summary>
public sealed class EventNotifications(NpgsqlDataSource dataSource, ILogger<EventNotifications> logger) : BackgroundService
{
    private TaskCompletionSource _signal = NewSignal();

    /// <summary>Completes at the next append notification or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var signal = Volatile.Read(ref _signal).Task;
        await Task.WhenAny(signal, Task.Delay(timeout, ct));
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>Wakes every waiter (also used after local appends).</summary>
    public void Notify() => Interlocked.Exchange(ref _signal, NewSignal()).TrySetResult();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = await dataSource.OpenConnectionAsync(stoppingToken);
                conn.Notification += (_, _) => Notify();
                await using (var cmd = new NpgsqlCommand("LISTEN mesh_events", conn))
                {
                    await cmd.ExecuteNonQueryAsync(stoppingToken);
                }
                Notify();
                try
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await conn.WaitAsync(stoppingToken);
                    }
                }
                finally
                {
                    // Pooled connections are not reset on return: stop listening before handing it back.
                    if (conn.FullState == System.Data.ConnectionState.Open)
                    {
                        await using var unlisten = new NpgsqlCommand("UNLISTEN *", conn);
                        await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "event notification listener lost its connection; reconnecting");
                Notify();
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
