using System.Diagnostics;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Domain.Tests;

public class ScaleTests
{
    [Fact]
    [Trait("rule", "SUB-3")]
    [Trait("rule", "SUB-4")]
    public void Overlap_stays_correct_and_fast_with_five_thousand_subnets()
    {
        var state = Spec.Given();
        // 5,000 /24s in 20 VPCs, spread over 172.16.0.0/12 and 192.168.0.0/16 space.
        for (var i = 0; i < 20; i++)
        {
            state.Apply(Spec.Accepted(state, new ApplyVpc($"vpc-{i}", new VpcSpec())));
        }
        for (var i = 0; i < 5000; i++)
        {
            var cidr = $"172.{16 + i / 256}.{i % 256}.0/24";
            state.Apply(Spec.Accepted(state, Spec.Subnet($"s-{i}", cidr, $"vpc-{i % 20}")));
        }
        Assert.Equal(5001, state.Subnets.Count);

        var error = Spec.Rejected(state, Spec.Subnet("late", "172.20.0.128/25", "vpc-3"), VpcErrorCodes.CidrConflict);
        Assert.Contains("s-1024", error.Message); // 172.20.0.0/24 is the 1024th
        Assert.Contains("172.20.0.0/24", error.Message);
        Spec.Rejected(state, Spec.Subnet("wide", "172.16.0.0/12", "vpc-3"), VpcErrorCodes.CidrConflict);
        Spec.Accepted(state, Spec.Subnet("free", "172.40.0.0/24", "vpc-3"));
    }
}
