using System.Collections.Concurrent;
using System.Globalization;
using MassTransit;
using Mesh.Contracts.Ipam;
using Microsoft.Extensions.Options;

namespace Mesh.Ipam.Service.Handlers;

/// <summary>
/// Publishes SubnetUsageChanged for the VPC service's status, debounced per subnet. Usage is derived
/// status read from the committed pool, not a fact of record, so it goes out directly rather than
/// through the log.
/// </summary>
public sealed class UsageTracker(PoolWriter pools, IBus bus, IOptions<IpamOptions> options, ILogger<UsageTracker> logger,
    Directory.SubnetDirectoryCache directory) : BackgroundService
{
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);

    public void Touch(string subnet) => _dirty.TryAdd(subnet, 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // At start, every known subnet once: a status that was never published (or published by an older version) is corrected.
        try
        {
            foreach (var subnet in (await directory.GetAsync(false, stoppingToken)).Subnets)
            {
                Touch(subnet.Name);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "the subnets' usage is not republished at start; it is at their next change");
        }
        using var timer = new PeriodicTimer(options.Value.UsageDebounce);
        while (await Tick(timer, stoppingToken))
        {
            foreach (var subnet in _dirty.Keys)
            {
                _dirty.TryRemove(subnet, out _);
                try
                {
                    var changed = await pools.QueryAsync(subnet, s => s.Exists ? new SubnetUsageChanged(subnet,
                        Text(s.V4?.Usage.Free), Text(s.V4?.Usage.Used), Text(s.V6?.Usage.Free), Text(s.V6?.Usage.Used), s.Version) : null, stoppingToken);
                    if (changed is not null)
                    {
                        await bus.Publish(changed, stoppingToken);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "usage of {Subnet} not published; will retry", subnet);
                    Touch(subnet);
                }
            }
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Text(UInt128? value) => (value ?? UInt128.Zero).ToString(CultureInfo.InvariantCulture);
}
