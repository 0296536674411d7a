using Mesh.Addressing;

namespace Mesh.Ipam.Domain.Pools;

/// <summary>IPAM-12. Total counts allocatable addresses only (reserved ones never count).</summary>
public sealed record PoolUsage(IpFamily Family, UInt128 Total, UInt128 Used, UInt128 Free)
{
    public double Percent => Total == UInt128.Zero ? 100 : (double)Used * 100 / (double)Total;

    /// <summary>Exact where the product fits, so that 127 of 253 is above 50% and 126 is not.</summary>
    public static bool Reaches(UInt128 used, UInt128 total, int percent)
    {
        if (total == UInt128.Zero)
        {
            return true;
        }
        return total <= UInt128.MaxValue / 100
            ? used * 100 >= total * (UInt128)percent
            : used >= total / 100 * (UInt128)percent;
    }
}
