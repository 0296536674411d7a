namespace Mesh.Ipam.Service;

/// <summary>IPAM settings (section <c>Mesh:Ipam</c>), validated at start.</summary>
public sealed record IpamOptions
{
    public const string Section = "Mesh:Ipam";

    /// <summary>IPAM-8: a released address is not handed out again for this long.</summary>
    public TimeSpan Quarantine { get; set; } = TimeSpan.Zero;

    /// <summary>IPAM-11: how long a pod must stay missing from its node's reports before its addresses are reclaimed.</summary>
    public TimeSpan LeakGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>IPAM-11a: how many consecutive reports must miss a pod before its addresses may be reclaimed.</summary>
    public int LeakReports { get; set; } = 3;

    /// <summary>IPAM-11a: the largest share of a node's allocations one reclaim may take without an operator's confirmation.</summary>
    public double LeakMaxShare { get; set; } = 0.5;

    /// <summary>A pool snapshot every this many events.</summary>
    public int SnapshotEvery { get; set; } = 1000;

    /// <summary>SubnetUsageChanged is published at most this often per subnet.</summary>
    public TimeSpan UsageDebounce { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How stale the in-memory subnet directory may be before it is read again.</summary>
    public TimeSpan DirectoryRefresh { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<string> Problems()
    {
        if (Quarantine < TimeSpan.Zero)
        {
            yield return "Mesh:Ipam:Quarantine must not be negative";
        }
        if (LeakGrace <= TimeSpan.Zero)
        {
            yield return "Mesh:Ipam:LeakGrace must be positive";
        }
        if (LeakReports < 1)
        {
            yield return "Mesh:Ipam:LeakReports must be at least 1";
        }
        if (LeakMaxShare is <= 0 or > 1 || double.IsNaN(LeakMaxShare))
        {
            yield return "Mesh:Ipam:LeakMaxShare must be in (0, 1]";
        }
        if (SnapshotEvery < 10)
        {
            yield return "Mesh:Ipam:SnapshotEvery must be at least 10";
        }
        if (UsageDebounce <= TimeSpan.Zero || DirectoryRefresh <= TimeSpan.Zero)
        {
            yield return "Mesh:Ipam:UsageDebounce and DirectoryRefresh must be positive";
        }
    }
}
