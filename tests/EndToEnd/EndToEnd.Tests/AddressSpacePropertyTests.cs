using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Mesh.Addressing;
using Mesh.Hosting;
using Mesh.Testing;

namespace Mesh.EndToEnd.Tests;

/// <summary>
/// Issue 27.6 over the running VPC and IPAM services (processes, real PostgreSQL and RabbitMQ): random interleavings
/// of creating, editing and deleting subnets and allocating and releasing addresses never leave an address with
/// two holders or inside its subnet's agreed excludeIps, and IPAM's view of every pool (CIDR, gateway, excludeIps,
/// existence) and the FIP service's view of the subnets and the live addresses equal the VPC and IPAM services'
/// once the agreements settle.
/// </summary>
[Trait("rule", "POOL-1")]
[Trait("rule", "POOL-2")]
public sealed class AddressSpacePropertyTests : IAsyncLifetime
{
    private const string Subnets = "/apis/kubeovn.io/v1/subnets";
    private ServiceProcesses _mesh = null!;
    private readonly HttpClient _admin = new() { Timeout = TimeSpan.FromSeconds(60) };
    private int _runs;

    public enum Kind
    {
        Put,
        Delete,
        Allocate,
        Release,

        /// <summary>kill -9 IPAM, edit subnet k while it is down, start it again.</summary>
        RestartIpam,
    }

    /// <summary>One step: a subnet k (0..2), a pod p (0..5), an exclude range (A, B) or a static offset S.</summary>
    public sealed record Op(Kind Kind, int K, int P, int A, int B, int? S)
    {
        public override string ToString() => Kind switch
        {
            Kind.Put => $"put s{K} exclude +{A}..+{A + B}",
            Kind.Delete => $"delete s{K}",
            Kind.Allocate => $"allocate pod{P} in s{K}{(S is { } s ? $" at +{s}" : "")}",
            Kind.Release => $"release pod{P}",
            _ => $"kill IPAM, put s{K} exclude +{A}..+{A + B}, start IPAM",
        };
    }

    private static readonly Arbitrary<Op[]> Ops =
        (from kind in Gen.Frequency((3, Gen.Constant(Kind.Put)), (1, Gen.Constant(Kind.Delete)), (5, Gen.Constant(Kind.Allocate)), (2, Gen.Constant(Kind.Release)), (1, Gen.Constant(Kind.RestartIpam)))
         from k in Gen.Choose(0, 2)
         from p in Gen.Choose(0, 5)
         from a in Gen.Choose(0, 10)
         from b in Gen.Choose(0, 3)
         from s in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 14).Select(i => (int?)i))
         select new Op(kind, k, p, a, b, s))
        .ArrayOf().Select(ops => ops.Take(24).ToArray()).ToArbitrary();

    public async Task InitializeAsync()
    {
        // An edit made while IPAM is down is answered 202 (ChangePending) after 2 s.
        _mesh = await ServiceProcesses.StartAsync(new Dictionary<string, string> { ["Mesh__Vpc__Saga__DeletionWait"] = "00:00:02" }, "ipam", "vpc", "fip");
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevTokens.Mint(new AuthOptions(), "sre", "platform", MeshPrincipal.AdminRole));
    }

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    [Fact]
    public void No_interleaving_gives_an_address_twice_or_lets_IPAM_and_the_VPC_service_disagree_about_a_pool() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(8), Prop.ForAll(Ops, ops => RunAsync(ops).GetAwaiter().GetResult()));

    private async Task<bool> RunAsync(Op[] ops)
    {
        // Each run has its own subnets and pods: 10.(120+run).k.0/28, names p<run>-s<k>, pods p<run>-pod<p>.
        var run = Interlocked.Increment(ref _runs);
        string Name(int k) => $"p{run}-s{k}";
        string Cidr(int k) => $"10.{120 + run}.{k}.0/28";
        string Address(int k, int offset) => $"10.{120 + run}.{k}.{offset}";
        string Pod(int p) => $"p{run}-pod{p}";
        var steps = new List<string>();
        var restarted = false;
        foreach (var op in ops.Where(o => o.Kind != Kind.RestartIpam || !restarted && (restarted = true)))
        {
            steps.Add(op.ToString());
            var status = op.Kind switch
            {
                Kind.Put => await PutAsync(Name(op.K), Cidr(op.K), op.B == 3 ? [] : [$"{Address(op.K, 2 + op.A)}..{Address(op.K, 2 + op.A + op.B)}"]),
                Kind.RestartIpam => await WhileIpamIsDownAsync(() => PutAsync(Name(op.K), Cidr(op.K), [$"{Address(op.K, 2 + op.A)}..{Address(op.K, 2 + op.A + op.B)}"])),
                Kind.Delete => (await _admin.DeleteAsync(_mesh.Urls["vpc"] + $"{Subnets}/{Name(op.K)}")).StatusCode,
                Kind.Allocate => (await _admin.PostAsJsonAsync(_mesh.Urls["ipam"] + "/api/v1/allocations", new
                {
                    project = "p1", podUid = Pod(op.P), podNamespace = "default", podName = Pod(op.P), node = "node-a", subnet = Name(op.K),
                    ipAddress = op.S is { } s ? Address(op.K, s) : null,
                })).StatusCode,
                _ => (await _admin.DeleteAsync(_mesh.Urls["ipam"] + $"/api/v1/allocations/{Pod(op.P)}")).StatusCode,
            };
            Assert.True((int)status < 500, $"{op}: {(int)status}\n{string.Join("\n", steps)}");
            await CheckAsync(run, Name, steps);
        }
        return true;
    }

    // The FIP service's record of what the VPC and IPAM services announced (its world model, FIP-4).
    private async Task CheckFipAsync(int run, JsonArray subnets, Dictionary<string, string> holders, Func<string> trace)
    {
        var fip = _mesh.Database("fip");
        var wantedSubnets = string.Join(";", subnets.Where(s => s!["metadata"]!["name"]!.GetValue<string>().StartsWith($"p{run}-", StringComparison.Ordinal))
            .Select(s => $"{s!["metadata"]!["name"]!.GetValue<string>()} {s["spec"]!["vpc"]!.GetValue<string>()} {s["spec"]!["cidrBlock"]!.GetValue<string>()}")
            .Order(StringComparer.Ordinal));
        var wantedAddresses = string.Join(";", holders.Where(h => h.Key.Contains('/')).Select(h => $"{h.Key.Replace('/', ' ')} {h.Value}").Order(StringComparer.Ordinal));
        var (seenSubnets, seenAddresses) = ("", "");
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                seenSubnets = await fip.ScalarAsync<string>(
                    $"SELECT coalesce(string_agg(name || ' ' || vpc || ' ' || coalesce(cidr_v4, ''), ';' ORDER BY name COLLATE \"C\"), '') FROM world_subnets WHERE name LIKE 'p{run}-%'");
                seenAddresses = await fip.ScalarAsync<string>(
                    $"SELECT coalesce(string_agg(subnet || ' ' || ip || ' ' || pod_uid, ';' ORDER BY (subnet || ' ' || ip || ' ' || pod_uid) COLLATE \"C\"), '') FROM world_addresses WHERE subnet LIKE 'p{run}-%' AND NOT released");
                return seenSubnets == wantedSubnets && seenAddresses == wantedAddresses;
            }, "the FIP service's view", TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the FIP service's view differs:\nsubnets  {seenSubnets}\nwanted   {wantedSubnets}\naddresses {seenAddresses}\nwanted    {wantedAddresses}\n{trace()}");
        }
    }

    private async Task<HttpStatusCode> WhileIpamIsDownAsync(Func<Task<HttpStatusCode>> action)
    {
        _mesh.Kill("ipam");
        var status = await action();
        _mesh.Start("ipam");
        await _mesh.WaitReadyAsync("ipam");
        return status;
    }

    private Task<HttpStatusCode> PutAsync(string name, string cidr, string[] excludes) =>
        _admin.PutAsync(_mesh.Urls["vpc"] + $"{Subnets}/{name}", new StringContent(
            $"{{\"apiVersion\":\"kubeovn.io/v1\",\"kind\":\"Subnet\",\"metadata\":{{\"name\":\"{name}\"}},\"spec\":{{\"cidrBlock\":\"{cidr}\",\"excludeIps\":[{string.Join(",", excludes.Select(e => $"\"{e}\""))}]}}}}",
            Encoding.UTF8, "application/json")).ContinueWith(t => t.Result.StatusCode);

    private async Task CheckAsync(int run, Func<int, string> name, List<string> steps)
    {
        string Trace() => string.Join("\n", steps);
        // Settled: no subnet of the run waits for IPAM (a change or a deletion in agreement).
        JsonArray subnets = [];
        await Eventually.TrueAsync(async () =>
        {
            subnets = JsonNode.Parse(await _admin.GetStringAsync(_mesh.Urls["vpc"] + Subnets))!["items"]!.AsArray();
            return !subnets.Any(s => s!["metadata"]!["name"]!.GetValue<string>().StartsWith($"p{run}-", StringComparison.Ordinal)
                && s["status"]!["conditions"]!.AsArray().Any(c => c!["type"]!.GetValue<string>() is "ChangePending" or "Deleting"));
        }, "the agreements settle");
        var holders = new Dictionary<string, string>();
        for (var k = 0; k < 3; k++)
        {
            var vpc = subnets.FirstOrDefault(s => s!["metadata"]!["name"]!.GetValue<string>() == name(k));
            if (vpc is null)
            {
                // Absent from the VPC service (never created, or deleted): IPAM has no pool for it once the saga ends.
                await Eventually.TrueAsync(async () => (await _admin.GetAsync(_mesh.Urls["ipam"] + $"/api/v1/subnets/{name(k)}/usage")).StatusCode == HttpStatusCode.NotFound,
                    $"{name(k)} is absent from the VPC service but has a pool in IPAM\n{Trace()}", TimeSpan.FromSeconds(15));
                continue;
            }
            var spec = vpc["spec"]!;
            var excludes = spec["excludeIps"]!.AsArray().Select(e => e!.GetValue<string>()).ToArray();
            var wanted = (spec["cidrBlock"]!.GetValue<string>(), spec["gateway"]!.GetValue<string>(), string.Join(",", excludes));
            // A new subnet reaches IPAM by its announcement a moment later; a change was agreed before it was committed.
            var seen = "";
            try
            {
                await Eventually.TrueAsync(async () =>
                {
                    var response = await _admin.GetAsync(_mesh.Urls["ipam"] + $"/api/v1/subnets/{name(k)}/usage");
                    seen = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    if (!response.IsSuccessStatusCode)
                    {
                        return false;
                    }
                    var view = JsonNode.Parse(seen[4..])!;
                    return wanted == (view["cidrBlock"]!.GetValue<string>(), view["gateway"]!.GetValue<string>(),
                        string.Join(",", view["excludeIps"]!.AsArray().Select(e => e!.GetValue<string>())));
                }, "IPAM's view of the pool", TimeSpan.FromSeconds(15));
            }
            catch (TimeoutException)
            {
                Assert.Fail($"IPAM's view of {name(k)} differs from the VPC service's {wanted}: {seen}\n{Trace()}");
            }
            var reserved = AddressSet.Of(excludes.Select(e => IpRange.TryParse(e, out var r, out _) ? r : throw new InvalidOperationException(e)));
            var cidr = IpPrefix.Parse(spec["cidrBlock"]!.GetValue<string>());
            foreach (var a in JsonNode.Parse(await _admin.GetStringAsync(_mesh.Urls["ipam"] + $"/api/v1/subnets/{name(k)}/allocations"))!.AsArray())
            {
                var ip = a!["v4"]!.GetValue<string>();
                var pod = a["podUid"]!.GetValue<string>();
                var address = IpAddress.Parse(ip);
                Assert.True(holders.TryAdd($"{name(k)}/{ip}", pod), $"{ip} in {name(k)} has two holders\n{Trace()}");
                Assert.True(holders.TryAdd(pod, ip), $"{pod} holds two addresses ({holders.GetValueOrDefault(pod)}, {ip})\n{Trace()}");
                Assert.True(cidr.Contains(address) && !reserved.Contains(address.Value), $"{ip} held by {pod} is outside {cidr} or excluded\n{Trace()}");
            }
        }
        await CheckFipAsync(run, subnets, holders, Trace);
    }
}
