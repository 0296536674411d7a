using System.Globalization;
using Mesh.Addressing;
using Mesh.Ipam.Domain.Pools;

namespace Mesh.Ipam.Domain;

public static partial class IpamDecider
{
    /// <summary>IPAM-12 thresholds; the FAQs advise subnets twice the expected pod count.</summary>
    public static readonly IReadOnlyList<int> UsageThresholds = [50, 80, 100];

    private static IEnumerable<SubnetUsageWarning> Crossings(
        SubnetPool state, FamilyPool family, UInt128 used, UInt128 total, DateTimeOffset at)
    {
        foreach (var t in UsageThresholds)
        {
            if (!family.Warned.Contains(t) && PoolUsage.Reaches(used, total, t))
            {
                var percent = new PoolUsage(family.Family, total, used, total - UInt128.Min(used, total)).Percent;
                yield return new SubnetUsageWarning(state.Subnet, family.Family.Name(), t,
                    used.ToString(CultureInfo.InvariantCulture), total.ToString(CultureInfo.InvariantCulture), percent, at);
            }
        }
    }

    /// <summary>More excludes shrink the total, which can push usage over a threshold too.</summary>
    private static IEnumerable<SubnetUsageWarning> WarningsAfterRespec(
        SubnetPool state, FamilySpec? v4, FamilySpec? v6, DateTimeOffset at)
    {
        foreach (var spec in new[] { v4, v6 }.OfType<FamilySpec>())
        {
            var family = state.Family(spec.Family)!;
            var total = spec.Cidr.Size - spec.Reserved().Count;
            foreach (var w in Crossings(state, family, family.Usage.Used, total, at))
            {
                yield return w;
            }
        }
    }
}
