using System.Collections.Concurrent;

namespace Mesh.Vpc.Tests;

// What the IPAM double received, and how it answers.
public sealed class IpamState
{
    public volatile IpamAnswer Answer = IpamAnswer.Prepare;
    public int Duplicates = 1;
    public long Allocated = 2;
    public string[] Holders = ["default/web-0", "default/web-1"];

    /// <summary>POOL-2: how subnet changes are answered: accepted (null) or refused with this code.</summary>
    public volatile string? RefuseChangesWith;

    /// <summary>POOL-2: subnet change requests are recorded and left unanswered (IPAM down, or the request lost).</summary>
    public volatile bool HoldChanges;

    public ConcurrentQueue<object> Received { get; } = new();

    public IEnumerable<T> All<T>() => Received.OfType<T>();
}
