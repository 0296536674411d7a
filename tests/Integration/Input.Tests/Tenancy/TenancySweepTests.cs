using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mesh.Testing;
using Xunit.Abstractions;
using static Mesh.Input.Tests.Tenancy.TenancyWorld;

namespace Mesh.Input.Tests.Tenancy;

/// <summary>
/// COMMON-6, swept from the services' own OpenAPI descriptions: every documented GET of every service, with each
/// path parameter filled by each of project A's names (and the shared things they live in), with and without
/// <c>asOf</c>, asked by a member of project B. A read that names one of project A's resources is 403 or 404; any other
/// read (a list, a shared resource, an address) shows nothing of project A's beyond what was asked.
/// An administrator asking the same proves that the sweep reached project A's resources.
/// </summary>
[Collection(Clients.PythonCollection.Name)]
[Trait("rule", "COMMON-6")]
public sealed class TenancySweepTests(Clients.PythonWorld world, ITestOutputHelper output)
{
    // The reads that must reach one of project A's resources (as an administrator sees it) for the sweep to mean anything.
    private static readonly string[] MustReach =
    [
        "ipam GET /api/v1/subnets/{name}/usage", "ipam GET /api/v1/subnets/{name}/allocations", "ipam GET /api/v1/addresses/{ip}",
        "ipam GET /api/v1/addresses/{ip}/history", "vpc GET /apis/kubeovn.io/v1/subnets/{name}", "vpc GET /apis/kubeovn.io/v1/subnets",
        "fip GET /apis/kubeovn.io/v1/ovn-eips/{name}", "fip GET /apis/kubeovn.io/v1/ovn-eips", "fip GET /apis/kubeovn.io/v1/ovn-fips/{name}",
        "gpu GET /apis/gpu.mesh.io/v1/assignments/{uid}", "gpu GET /apis/gpu.mesh.io/v1/gpuquotas/{project}",
        "gpu GET /apis/gpu.mesh.io/v1/gpunodes/{name}", "gpu GET /apis/gpu.mesh.io/v1/gpunodes",
        "sriov GET /apis/sriovnetwork.openshift.io/v1/namespaces/{ns}/sriovnetworknodestates/{name}",
    ];

    [Fact]
    public async Task A_member_of_another_project_reads_nothing_of_project_As_on_any_documented_GET()
    {
        var leaks = new List<string>();
        var reached = new HashSet<string>();
        var calls = 0;
        foreach (var service in ServiceProcesses.All)
        {
            using var admin = world.Http(service);
            using var other = world.Http(service, Who.Member(B));
            var openApi = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
            foreach (var path in openApi.GetProperty("paths").EnumerateObject())
            {
                if (!path.Value.TryGetProperty("get", out var get) || path.Name.StartsWith("/health/", StringComparison.Ordinal))
                {
                    continue;
                }
                var operation = $"{service} GET {path.Name}";
                var queries = QueryParameters(get);
                foreach (var (url, asked) in Urls(path.Name))
                {
                    foreach (var query in new[] { "" }.Concat(queries))
                    {
                        calls++;
                        var seenByAdmin = await admin.GetAsync(url + query);
                        if (seenByAdmin.StatusCode == HttpStatusCode.OK && Marker(await seenByAdmin.Content.ReadAsStringAsync()) is not null)
                        {
                            reached.Add(operation);
                        }
                        var response = await other.GetAsync(url + query);
                        var body = await response.Content.ReadAsStringAsync();
                        // A read that names one of project A's resources is refused outright.
                        if (seenByAdmin.IsSuccessStatusCode && asked.Any(v => v.StartsWith("ta-", StringComparison.Ordinal) || v == A)
                            && response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                        {
                            leaks.Add($"{operation}: GET {url}{query} names project A's resource and answered {B} {(int)response.StatusCode}: {Head(body)}");
                            continue;
                        }
                        // A refusal may repeat what was asked; an answer may repeat the asked value, but nothing else of project A's.
                        if (response.IsSuccessStatusCode && Marker(asked.Aggregate(body, (b, v) => b.Replace(v, "", StringComparison.Ordinal))) is { } marker)
                        {
                            leaks.Add($"{operation}: GET {url}{query} answered {B} {(int)response.StatusCode} showing '{marker}': {Head(body)}");
                        }
                    }
                }
            }
        }
        output.WriteLine($"{calls} reads by {B}; {reached.Count} documented GETs reached project A's resources: {string.Join(", ", reached.Order())}");
        Assert.True(leaks.Count == 0, $"{leaks.Count} reads showed project A's resources to project B:\n{string.Join("\n", leaks.Take(30))}");
        Assert.Empty(MustReach.Except(reached));
    }

    private static string? Marker(string body) => Markers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal));

    private static string Head(string body) => body.Length > 300 ? body[..300] + "..." : body;

    // Every way to fill the template's parameters: the namespace with the SR-IOV namespace, the rest with each candidate.
    private static IEnumerable<(string Url, string[] Asked)> Urls(string template)
    {
        var names = Regex.Matches(template, "\\{([^}:]+)(:[^}]*)?\\}").Select(m => m.Groups[1].Value).Distinct().ToList();
        IEnumerable<(string Url, string[] Asked)> urls = [(template, [])];
        foreach (var name in names)
        {
            var values = name == "ns" ? [Sriov.Tests.ManualDocuments.Ns] : name == "index" ? ["0"] : Candidates;
            urls = urls.SelectMany(u => values.Select(v => (Regex.Replace(u.Url, $"\\{{{name}(:[^}}]*)?\\}}", Uri.EscapeDataString(v)), (string[])[.. u.Asked, v])));
        }
        return urls;
    }

    // The as-of forms of a read (SRE-2): asOf, or IPAM's at.
    private static IEnumerable<string> QueryParameters(JsonElement get)
    {
        if (!get.TryGetProperty("parameters", out var parameters))
        {
            yield break;
        }
        var now = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"));
        foreach (var p in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
        {
            if (p.GetProperty("name").GetString() is "asOf" or "at" && p.GetProperty("name").GetString() is { } name)
            {
                yield return $"?{name}={now}";
            }
        }
    }
}
