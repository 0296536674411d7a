using System.Collections.Concurrent;
using System.Diagnostics;
using Mesh.Testing;
using Xunit.Abstractions;

namespace Mesh.Input.Tests.Fuzz;

/// <summary>
/// Thousands of seeded mutations of valid documents and bus commands against the five services (COMMON-3): never a
/// 5xx (nor a faulted or unanswered command), every service stays ready, and a refused request records nothing.
/// MESH_FUZZ_SEED and MESH_FUZZ_CASES override the seed and the number of cases; the run stops early (and says so)
/// when MESH_FUZZ_SECONDS (default 40) are spent.
/// </summary>
[Collection(InputCollection.Name)]
[Trait("rule", "COMMON-3")]
public sealed class FuzzTests(CatalogueWorld world, ITestOutputHelper output)
{
    private const int DefaultSeed = 20250611;
    private const int DefaultCases = 3000;
    private readonly MeshUnderTest _mesh = world.Mesh;

    [Fact]
    public async Task Mutated_documents_and_commands_never_get_a_5xx_and_a_refusal_records_nothing()
    {
        var seed = Setting("MESH_FUZZ_SEED", DefaultSeed);
        var cases = Setting("MESH_FUZZ_CASES", DefaultCases);
        var budget = TimeSpan.FromSeconds(Setting("MESH_FUZZ_SECONDS", 40));
        output.WriteLine($"fuzz seed {seed} (MESH_FUZZ_SEED), {cases} cases (MESH_FUZZ_CASES), at most {budget.TotalSeconds} s (MESH_FUZZ_SECONDS)");
        await BaselineAsync();

        var tally = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var ran = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, cases), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            if (clock.Elapsed > budget || failures.Count >= 10)
            {
                return;
            }
            Interlocked.Increment(ref ran);
            var random = new Random(unchecked(seed * 1_000_003 + i));
            var (service, status, what) = random.Next(10) == 0
                ? await BusCaseAsync(i, random, failures)
                : await HttpCaseAsync(i, random, failures);
            tally.AddOrUpdate($"{service} {status}", 1, (_, n) => n + 1);
        });
        await _mesh.SettleAsync(TimeSpan.FromSeconds(1.5));

        output.WriteLine($"{ran} cases in {clock.Elapsed.TotalSeconds:0.0} s{(ran < cases ? $" (stopped early: {cases - ran} not run)" : "")}");
        foreach (var group in tally.GroupBy(kv => kv.Key.Split(' ')[0]).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {group.Key,-6} " + string.Join("  ", group.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key.Split(' ')[1]}: {kv.Value}")));
        }
        output.WriteLine("  total  " + string.Join("  ", tally.GroupBy(kv => kv.Key.Split(' ')[1]).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Sum(kv => kv.Value)}")));
        Assert.True(failures.IsEmpty, $"seed {seed}:\n" + string.Join("\n", failures));
        Assert.True(ran >= Math.Min(cases, 500), $"only {ran} cases ran in {budget.TotalSeconds} s");
    }

    // The seeds as they stand, in order: every one is accepted (what a mutation breaks was valid before).
    private async Task BaselineAsync()
    {
        foreach (var seed in FuzzSeeds.Documents)
        {
            var last = "";
            await Eventually.TrueAsync(async () =>
            {
                var response = await _mesh.SendAsync(seed.Service, seed.Method, seed.Path, seed.Body, seed.Who);
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                return response.IsSuccessStatusCode;
            }, $"the seed {seed.Method} {seed.Path} is accepted (last: {last})");
        }
    }

    private async Task<(string, string, string)> HttpCaseAsync(int i, Random random, ConcurrentQueue<string> failures)
    {
        var seed = FuzzSeeds.Documents[random.Next(FuzzSeeds.Documents.Count)];
        var (body, type, what) = new Mutator(random).Mutate(seed.Body);
        var who = seed.Who.As($"fuzz-{i}");
        var head = await _mesh.HeadAsync(seed.Service);
        using var response = await _mesh.SendBytesAsync(seed.Service, seed.Method, seed.Path, Mutator.Encode(body, what), type, who);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        await CheckAsync(failures, $"case {i} {seed.Method} {seed.Path} ({what})", seed.Service, status, head, who.Subject, null, text);
        return (seed.Service, status.ToString(), what);
    }

    private async Task<(string, string, string)> BusCaseAsync(int i, Random random, ConcurrentQueue<string> failures)
    {
        var seed = FuzzSeeds.Commands[random.Next(FuzzSeeds.Commands.Count)];
        var (json, what) = new Mutator(random).MutateValue(seed.Json);
        var correlation = Guid.NewGuid();
        var head = await _mesh.HeadAsync(seed.Service);
        BusAnswer answer;
        try
        {
            answer = await seed.Send(_mesh, json, correlation);
        }
        catch (Exception e) when (e is MassTransit.RequestException)
        {
            failures.Enqueue($"case {i} bus {seed.Service} ({what}): {e.GetType().Name} {e.Message}");
            return ($"{seed.Service}-bus", "fault", what);
        }
        if (answer.Status == 0)
        {
            return ($"{seed.Service}-bus", "unsendable", what);
        }
        await CheckAsync(failures, $"case {i} bus {seed.Service} ({what}) {answer.Code}", seed.Service, answer.Status, head, "", correlation, "");
        return ($"{seed.Service}-bus", answer.Status.ToString(), what);
    }

    private async Task CheckAsync(ConcurrentQueue<string> failures, string @case, string service, int status, long head, string principal,
        Guid? correlation, string text)
    {
        if (status >= 500)
        {
            failures.Enqueue($"{@case}: {status} {text[..Math.Min(text.Length, 400)]}");
        }
        if (!await _mesh.ReadyAsync(service))
        {
            failures.Enqueue($"{@case}: {service} is no longer ready");
        }
        // Other cases run at the same time, and accepted ones cause events later: only this case's own events count.
        if (status is >= 400 and < 500 && await _mesh.HeadAsync(service) != head
            && await _mesh.RecordedForAsync(service, head, principal, correlation) is var recorded and > 0)
        {
            failures.Enqueue($"{@case}: refused with {status} but recorded {recorded} event(s): {text[..Math.Min(text.Length, 400)]}");
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
