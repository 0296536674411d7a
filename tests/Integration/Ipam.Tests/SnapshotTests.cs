using Mesh.Ipam.Domain;
using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Domain.Pools;
using Mesh.Ipam.Service;
using Mesh.Ipam.Service.Pools;
using Microsoft.Extensions.Options;

namespace Mesh.Ipam.Tests;

public sealed class SnapshotTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pool_restored_from_its_snapshot_decides_exactly_as_the_replayed_one()
    {
        var pool = new SubnetPool("snap");
        void Run(IpamCommand c)
        {
            foreach (var e in IpamDecider.Decide(pool, c).Events)
            {
                pool.Apply(e);
            }
        }
        Run(new CreatePool("snap", "10.50.0.0/24,fd00:50::/120", T0, ExcludeIps: ["10.50.0.2..10.50.0.5"]));
        for (var i = 0; i < 140; i++)
        {
            Run(new AllocateIp("snap", $"u{i}", "ns", $"p{i}", i % 2 == 0 ? "n1" : "n2", "p1", T0.AddSeconds(i), StickyKey: $"k{i}",
                RandomBytes: [(byte)i, 1, 2]));
        }
        Run(new ReleaseIp("snap", "u7", T0.AddMinutes(5)));
        Run(new ReportLivePods("snap", "n1", new HashSet<string>(), T0.AddMinutes(6), RequiredReports: 2));
        Run(new ReportLivePods("snap", "n1", new HashSet<string>(), T0.AddMinutes(7), RequiredReports: 2));
        Run(new ReclaimLeaks("snap", "n1", T0.AddMinutes(20), TimeSpan.FromMinutes(5), 2, new ReclaimLeaks.Hold(70, 70, 0.5)));

        var codec = new PoolSnapshotCodec(Options.Create(new IpamOptions()));
        var json = codec.Serialize(pool);
        var restored = codec.Deserialize(json);

        Assert.Equal(json, codec.Serialize(restored));
        Assert.Equal(pool.Version, restored.Version);
        Assert.Equal(pool.V4!.Usage, restored.V4!.Usage);
        Assert.Equal(pool.V6!.FreeRangeCount, restored.V6!.FreeRangeCount);
        var next = new AllocateIp("snap", "u-new", "ns", "p", "n1", "p1", T0.AddMinutes(6), StickyKey: "k7",
            RandomBytes: [9, 9, 9], Quarantine: TimeSpan.FromMinutes(10));
        Assert.Equal(IpamDecider.Decide(pool, next).Events, IpamDecider.Decide(restored, next).Events);
        // IPAM-11a's counts and the withheld mark survive the snapshot: the confirmed reclaim is the same.
        var confirm = new ReclaimLeaks("snap", "n1", T0.AddMinutes(21), TimeSpan.FromMinutes(5), 2);
        Assert.Equal(70, IpamDecider.Decide(pool, confirm).Events.Count);
        Assert.Equal(IpamDecider.Decide(pool, confirm).Events, IpamDecider.Decide(restored, confirm).Events);
    }
}
