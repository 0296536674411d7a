using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Hosting;

namespace Mesh.NodeAgent;

/// <summary>
/// Reports the node to the services that keep its inventory: GPUs to the GPU service, SR-IOV PFs
/// (and the node's labels) to the SR-IOV service; applies a desired SR-IOV configuration and reports
/// <c>syncStatus</c> (InProgress, then Succeeded) so that the service opens the PFs again (SRIOV-5).
/// </summary>
public sealed class Reporter
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Lock _gate = new();
    private NodeDescription _description;
    private string _syncStatus = "Succeeded";
    private long? _observedGeneration;

    public Reporter(NodeDescription description, string sriovNamespace)
    {
        _description = description;
        SriovNamespace = sriovNamespace;
        var token = Environment.GetEnvironmentVariable("MESH_NODE_TOKEN");
        if (string.IsNullOrEmpty(token))
        {
            var auth = new AuthOptions { SigningKey = Environment.GetEnvironmentVariable("Mesh__Auth__SigningKey") ?? AuthOptions.DevelopmentKey };
            token = DevTokens.Mint(auth, "node-agent:" + description.Node, "platform", MeshPrincipal.NodeRole);
        }
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public string SriovNamespace { get; }

    public NodeDescription Description
    {
        get
        {
            lock (_gate)
            {
                return _description;
            }
        }
    }

    private static string Url(string service, int port) =>
        Environment.GetEnvironmentVariable($"MESH_{service.ToUpperInvariant()}_URL") ?? $"http://127.0.0.1:{port}";

    public async Task ReportAsync(CancellationToken ct)
    {
        var d = Description;
        if (d.Gpus.Count > 0)
        {
            await PutAsync(Url("gpu", 5105) + $"/apis/gpu.mesh.io/v1/gpunodes/{d.Node}", new JsonObject
            {
                ["apiVersion"] = "gpu.mesh.io/v1",
                ["kind"] = "GpuNode",
                ["metadata"] = new JsonObject { ["name"] = d.Node },
                ["spec"] = JsonSerializer.SerializeToNode(new { d.Arch, d.Labels, d.Taints, Devices = d.Gpus }, JsonSerializerOptions.Web),
            }, ct);
        }
        if (d.Sriov.Count > 0)
        {
            await ReportSriovAsync(d, ct);
        }
    }

    private Task ReportSriovAsync(NodeDescription d, CancellationToken ct) =>
        PutAsync(Url("sriov", 5104) + $"/apis/sriovnetwork.openshift.io/v1/namespaces/{SriovNamespace}/sriovnetworknodestates/{d.Node}", new JsonObject
        {
            ["apiVersion"] = "sriovnetwork.openshift.io/v1",
            ["kind"] = "SriovNetworkNodeState",
            ["metadata"] = new JsonObject
            {
                ["name"] = d.Node,
                ["namespace"] = SriovNamespace,
                ["labels"] = JsonSerializer.SerializeToNode(d.Labels, JsonSerializerOptions.Web),
            },
            ["status"] = new JsonObject
            {
                ["interfaces"] = JsonSerializer.SerializeToNode(d.Sriov, JsonSerializerOptions.Web),
                ["syncStatus"] = _syncStatus,
                ["observedGeneration"] = _observedGeneration,
            },
        }, ct);

    /// <summary>A desired SR-IOV configuration: set numVfs per PF (creating the VFs), then report Succeeded.</summary>
    public async Task OnEventAsync(string type, JsonObject message, CancellationToken ct)
    {
        if (type != "SriovNodeConfigurationDesired")
        {
            return;
        }
        NodeDescription applied;
        lock (_gate)
        {
            _syncStatus = "InProgress";
            var desired = (message["pfs"]?.AsArray() ?? []).ToDictionary(p => p!["pciAddress"]!.ToString(), p => p!);
            _description = _description with
            {
                Sriov = _description.Sriov.Select(pf => desired.TryGetValue(pf.PciAddress, out var d) ? Configure(pf, d) : pf).ToList(),
            };
            applied = _description;
        }
        await ReportSriovAsync(applied, ct);
        lock (_gate)
        {
            _syncStatus = "Succeeded";
            // SRIOV-5a: the generation applied, so the service reopens the PFs for this configuration only.
            _observedGeneration = message["configurationGeneration"] is JsonValue g && g.TryGetValue<long>(out var generation) && generation > 0
                ? generation : _observedGeneration;
        }
        await ReportSriovAsync(applied, ct);
    }

    // What a real agent does through sysfs and the NIC firmware: set the link type, create numVfs VFs
    // and bind them to the driver the device type needs (vfio-pci for the secure runtime).
    private static SriovPf Configure(SriovPf pf, JsonNode desired)
    {
        var n = desired["numVfs"]!.GetValue<int>();
        var driver = desired["deviceType"]?.ToString() == "vfio-pci" ? "vfio-pci" : pf.Driver;
        return pf with
        {
            LinkType = desired["linkType"]?.ToString() is { Length: > 0 } link ? link : pf.LinkType,
            NumVfs = n,
            Vfs = Enumerable.Range(0, n).Select(i => new SriovVf(VfAddress(pf.PciAddress, i), i, driver, null)).ToList(),
        };
    }

    // VFs follow their PF on the bus: 0000:71:00.0 -> 0000:71:00.1, .2, ...
    private static string VfAddress(string pf, int index)
    {
        var dot = pf.LastIndexOf('.');
        return dot < 0 ? $"{pf}-vf{index}" : $"{pf[..dot]}.{int.Parse(pf[(dot + 1)..]) + index + 1}";
    }

    private async Task PutAsync(string url, JsonObject body, CancellationToken ct)
    {
        try
        {
            using var response = await _http.PutAsJsonAsync(url, body, ct);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"report to {url} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        }
        catch (HttpRequestException ex)
        {
            Console.Error.WriteLine($"report to {url} failed: {ex.Message}");
        }
    }
}
