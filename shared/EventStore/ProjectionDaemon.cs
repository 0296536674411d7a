using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mesh.EventSourcing;

/// <summary>
/// Keeps the async projections caught up with the log. One replica leads per projection; the
/// others stand by and take over when its connection goes.
/// </summary>
public sealed class ProjectionDaemon(
    NpgsqlDataSource dataSource,
    IEnumerable<IAsyncProjection> projections,
    ProjectionRunner runner,
    EventNotifications notifications,
    EventStoreOptions options,
    ILogger<ProjectionDaemon> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(projections.Select(p => RunAsync(p, stoppingToken)));

    private async Task RunAsync(IAsyncProjection projection, CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var leadership = await LeaderLock.TryAcquireAsync(dataSource, "projection:" + projection.Name, ct);
                if (leadership is null)
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), ct);
                    continue;
                }
                logger.LogInformation("projection {Projection} is running here", projection.Name);
                while (!ct.IsCancellationRequested)
                {
                    while (await runner.StepAsync(projection, ct) > 0)
                    {
                    }
                    await notifications.WaitAsync(options.IdlePoll, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "projection {Projection} failed; retrying", projection.Name);
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
