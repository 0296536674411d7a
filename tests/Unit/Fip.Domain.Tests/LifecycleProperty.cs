using FsCheck;
using FsCheck.Fluent;
using Mesh.Addressing;

namespace Mesh.Fip.Domain.Tests;

// Any interleaving of allocate / associate / IPAM release (delayed, duplicated, reordered) /
// disassociate / release-fip keeps the pool sound.
public class LifecycleProperty
{
    private static readonly string[] Internal = ["10.0.1.1", "10.0.1.2", "10.0.1.3"];

    [Fact]
    [Trait("rule", "FIP-2")]
    [Trait("rule", "FIP-5")]
    [Trait("rule", "FIP-6")]
    [Trait("rule", "FIP-7")]
    public void A_fip_is_never_held_twice_never_lost_and_no_rule_outlives_its_address()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<(byte Op, byte A, byte B, byte C)[]>(), ops => Run(ops));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    private static bool Run((byte Op, byte A, byte B, byte C)[] ops)
    {
        var world = new World();
        world.Accept(new DefinePool(F.ExtNet, F.PoolName, "172.35.0.0/24", "172.35.0.1", ["172.35.0.10..172.35.0.13"], []));
        foreach (var (op, a, b, c) in ops)
        {
            world.Step(op % 7, a, b, c);
            world.CheckInvariants();
        }
        world.CheckReplay();
        return true;
    }

    private sealed class World
    {
        private readonly FipPoolState state = new();
        private readonly List<object> history = [];
        private readonly HashSet<string> liveFips = [];
        private readonly Dictionary<string, long> generation = Internal.ToDictionary(ip => ip, _ => 1L);
        private readonly List<ReleaseTarget> pending = [];
        private readonly List<ReleaseTarget> delivered = [];
        private int releases;

        public void Step(int op, byte a, byte b, byte c)
        {
            var fip = $"eip-{a % 5}";
            var ip = Internal[b % Internal.Length];
            var project = c % 4 == 0 ? F.ProjectB : F.ProjectA;
            switch (op)
            {
                case 0:
                    Accept(new AllocateFip($"key-{fip}-{project}", project, F.PoolName, fip));
                    break;
                case 1:
                    Accept(Associate(c % 3, $"rule-{a % 3}-{b % 3}-{c % 3}", fip, ip, a, c));
                    break;
                case 2:
                    // IPAM releases the current allocation and gives the address to a new pod; the release is
                    // delivered to this stream later (op 3), possibly more than once.
                    pending.Add(new ReleaseTarget(ip, $"pod-{ip}-{generation[ip]}", new Guid(++releases, 0, 0, new byte[8]), generation[ip], "subnet-a"));
                    generation[ip]++;
                    break;
                case 3 when pending.Count + delivered.Count > 0:
                    var all = pending.Concat(delivered).ToList();
                    var release = all[c % all.Count];
                    pending.Remove(release);
                    delivered.Add(release);
                    Accept(release);
                    break;
                case 4:
                    Accept(new ReleaseFip(fip, F.ProjectA, Cascade: c % 2 == 0, Admin: true));
                    break;
                case 5 when state.Rules.Count > 0:
                    Accept(new Disassociate(state.Rules.ElementAt(c % state.Rules.Count).RuleId, F.ProjectA, Admin: true));
                    break;
                case 6:
                    Accept(new AllocateFip($"key-{fip}-{project}", project, F.PoolName, fip, $"172.35.0.{10 + (c % 4)}"));
                    break;
            }
        }

        private object Associate(int kind, string rule, string fip, string ip, byte a, byte c)
        {
            // The handler's view of IPAM may lag: sometimes an older generation of the address.
            var gen = Math.Max(1, generation[ip] - (a % 3 == 0 ? 1 : 0));
            var target = F.Target(ip, gen, $"pod-{ip}-{gen}");
            var project = state.Fip(fip)?.Project ?? F.ProjectA;
            return kind switch
            {
                0 => new AssociateEip(rule, fip, project, ip, target),
                1 => new AssociateSnat(rule, fip, project, ip, target),
                _ => new AssociateDnat(rule, fip, project, c % 2 == 0 ? "tcp" : "udp", 80 + (c % 2), ip, 80, target),
            };
        }

        public void Accept(object command)
        {
            var decision = state.When(command, new FipSettings(new Dictionary<string, int>(), 3));
            if (decision.IsRejected)
            {
                Assert.Empty(decision.Events);
                return;
            }
            foreach (var e in decision.Events)
            {
                state.Apply(e);
                history.Add(e);
                if (e is FipAllocated allocated)
                {
                    Assert.True(liveFips.Add(allocated.Name));
                }
                else if (e is FipReleased released)
                {
                    Assert.True(liveFips.Remove(released.Name));
                }
            }
            // COMMON-2: the same command again appends nothing.
            Assert.Empty(state.When(command, new FipSettings(new Dictionary<string, int>(), 3)).Events);
        }

        public void CheckInvariants()
        {
            var addresses = state.Fips.Select(f => f.Address).ToList();
            Assert.Equal(addresses.Count, addresses.Distinct().Count());
            Assert.Equal(liveFips.OrderBy(n => n), state.Fips.Select(f => f.Name).OrderBy(n => n));
            Assert.Equal(state.Allocatable.Count, state.FreeRanges().Count + (UInt128)state.Fips.Count);
            Assert.All(addresses, a => Assert.True(IpAddress.TryParse(a, IpFamily.V4, out var x) && state.Allocatable.Contains(x.Value)));
            Assert.All(state.Rules, r => Assert.NotNull(state.Fip(r.Fip)));
            Assert.All(state.Rules, r => Assert.DoesNotContain(delivered,
                d => d.Ip == r.InternalIp && d.Generation >= r.Generation));
            Assert.All(state.Rules.Where(r => r.Kind == RuleKind.Eip).GroupBy(r => r.InternalIp), g => Assert.Single(g));
            Assert.All(state.Rules.Where(r => r.Kind == RuleKind.Eip).GroupBy(r => r.Fip), g => Assert.Single(g));
        }

        public void CheckReplay()
        {

            var replayed = FipPoolState.From(history);
            Assert.Equal(state.Fips.OrderBy(f => f.Name), replayed.Fips.OrderBy(f => f.Name));
            Assert.Equal(state.Rules.OrderBy(r => r.RuleId), replayed.Rules.OrderBy(r => r.RuleId));
        }
    }
}
