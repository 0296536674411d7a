using System.Text.Json.Nodes;
using Mesh.Testing;

namespace Mesh.EndToEnd.Tests;

/// <summary>meshctl as a process against the VPC service (and, for --as-of of a non-VPC kind, the GPU service) as processes (AGENT/SRE front doors, issue 8).</summary>
public sealed class MeshctlTests : IAsyncLifetime
{
    private ServiceProcesses _mesh = null!;
    private readonly string _meshctl = ToolProcess.Dll("meshctl", "meshctl");
    private static readonly string Examples = Path.Combine(TestServers.RepositoryRoot, "examples", "vpc");

    public async Task InitializeAsync()
    {
        _mesh = await ServiceProcesses.StartAsync("vpc");
        // The seed's subnet-secondary sits in the default service CIDR; examples/vpc/README.md says to move it.
    }

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    private Task<ToolProcess.Result> Meshctl(params string[] args) => ToolProcess.RunAsync(_meshctl, _mesh.ClientEnvironment, null, args);

    [Fact]
    public async Task Apply_routes_each_document_of_a_file_to_its_owner_and_get_shows_it_back()
    {
        foreach (var file in new[] { "external-network.yaml", "test-vpc2.yaml", "net192.yaml" })
        {
            var applied = await Meshctl("apply", "-f", Path.Combine(Examples, file));
            Assert.True(applied.ExitCode == 0, applied.Stdout + applied.Stderr);
            Assert.Contains("created", applied.Stdout);
        }
        // kubectl's words for a second apply: unchanged when nothing differs, configured when something does.
        var again = await Meshctl("apply", "-f", Path.Combine(Examples, "net192.yaml"));
        Assert.Equal("subnet/net192 unchanged", again.Stdout.Trim());
        var edited = Path.Combine(Path.GetTempPath(), $"net192-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(edited, (await File.ReadAllTextAsync(Path.Combine(Examples, "net192.yaml"))).Replace("natOutgoing: true", "natOutgoing: false"));
        var configured = await Meshctl("apply", "-f", edited);
        Assert.True(configured.ExitCode == 0, configured.Stdout + configured.Stderr);
        Assert.Equal("subnet/net192 configured", configured.Stdout.Trim());
        File.Delete(edited);
        // Kube-OVN's short names and singular forms, as kubectl knows them.
        foreach (var kind in new[] { "subnet", "subnets", "Subnet", "vpc", "vpcs", "vpc-nat-gw", "vpc-nat-gateways", "extnet" })
        {
            var listed = await Meshctl("get", kind);
            Assert.True(listed.ExitCode == 0, $"get {kind}: {listed.Stderr}");
        }
        var yaml = await Meshctl("get", "subnet", "net192", "-o", "yaml");
        Assert.Equal(0, yaml.ExitCode);
        Assert.Contains("kind: Subnet", yaml.Stdout);
        Assert.Contains("vpc: test-vpc2", yaml.Stdout);

        var table = await Meshctl("get", "subnets");
        Assert.Contains("net192", table.Stdout);
        Assert.Contains("ovn-default", table.Stdout);

        var json = await Meshctl("get", "vpc", "test-vpc2", "-o", "json");
        Assert.Contains("\"kind\": \"Vpc\"", json.Stdout);
    }

    [Fact]
    public async Task A_refused_document_prints_the_code_and_remedy_and_exits_non_zero()
    {
        var bad = await ToolProcess.RunAsync(_meshctl, _mesh.ClientEnvironment,
            """
            apiVersion: kubeovn.io/v1
            kind: Subnet
            metadata:
              name: hostbits
            spec:
              cidrBlock: 10.50.0.1/24
            """, "apply", "-f", "-");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("InvalidCidr", bad.Stderr);
        Assert.Contains("10.50.0.0/24", bad.Stderr);

        var unknown = await Meshctl("get", "widgets");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("unknown kind", unknown.Stderr);
    }

    [Fact]
    public async Task History_shows_who_changed_a_subnet_and_verify_finds_every_read_model_equal()
    {
        await Meshctl("apply", "-f", Path.Combine(Examples, "external-network.yaml"));
        await Meshctl("apply", "-f", Path.Combine(Examples, "test-vpc2.yaml"));
        await Meshctl("apply", "-f", Path.Combine(Examples, "net192.yaml"));
        var history = await Meshctl("history", "subnet", "net192", "-o", "jsonl", "--service", "vpc");
        Assert.Equal(0, history.ExitCode);
        Assert.Contains("vpc.subnet-created.v1", history.Stdout);
        Assert.Contains("\"principal\"", history.Stdout);

        var verify = await Meshctl("verify", "--service", "vpc");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
    }

    [Fact]
    [Trait("rule", "SRE-2")]
    public async Task Get_as_of_shows_a_gpu_quota_as_it_was_and_refuses_a_time_before_it_existed()
    {
        await using var gpu = await ServiceProcesses.StartAsync("gpu");
        Task<ToolProcess.Result> Run(string? stdin, params string[] args) => ToolProcess.RunAsync(_meshctl, gpu.ClientEnvironment, stdin, args);
        static string Quota(int cards) => $"""
            apiVersion: gpu.mesh.io/v1
            kind: GpuQuota
            metadata:
              name: team-a
            spec:
              hard:
                nvidia.com/gpu: {cards}
            """;
        var applied = await Run(Quota(2), "apply", "-f", "-");
        Assert.True(applied.ExitCode == 0, applied.Stdout + applied.Stderr);
        var then = await AsOf.MomentAsync();
        Assert.Equal(0, (await Run(Quota(4), "apply", "-f", "-")).ExitCode);

        var old = await Run(null, "get", "gpuquota", "team-a", "--as-of", then.ToString("O"), "-o", "json");
        Assert.True(old.ExitCode == 0, old.Stdout + old.Stderr);
        var doc = JsonNode.Parse(old.Stdout)!;
        Assert.Equal(2, doc["spec"]!["hard"]!["nvidia.com/gpu"]!.GetValue<long>());
        Assert.NotNull(doc["metadata"]!["annotations"]!["mesh.io/as-of"]);
        var now = JsonNode.Parse((await Run(null, "get", "gpuquotas", "team-a", "-o", "json")).Stdout)!;
        Assert.Equal(4, now["spec"]!["hard"]!["nvidia.com/gpu"]!.GetValue<long>());

        var before = await Run(null, "get", "gpuquota", "team-a", "--as-of", AsOf.LongAgo.ToString("O"));
        Assert.Equal(1, before.ExitCode);
        Assert.Contains("did not exist", before.Stderr);
    }

    [Fact]
    public async Task A_member_token_from_meshctl_reads_but_may_not_write()
    {
        var token = (await Meshctl("token", "--project", "p1", "--role", "member")).Stdout.Trim();
        var env = _mesh.ClientEnvironment.ToDictionary();
        env["MESHCTL_TOKEN"] = token;
        var read = await ToolProcess.RunAsync(_meshctl, env, null, "get", "vpcs");
        Assert.Equal(0, read.ExitCode);
        var write = await ToolProcess.RunAsync(_meshctl, env, null, "apply", "-f", Path.Combine(Examples, "external-network.yaml"));
        Assert.Equal(1, write.ExitCode);
        Assert.Contains("Forbidden", write.Stderr);
    }

    [Fact]
    public void Yaml_and_json_output_is_plain_utf8()
    {
        var node = JsonNode.Parse("""{"owner": "équipe \"réseau\"", "on": "on"}""");
        var yaml = Mesh.Ctl.Output.Yaml(node);
        Assert.Contains("équipe", yaml);
        Assert.Contains("\\\"réseau\\\"", yaml);
        Assert.DoesNotContain("\\u00", yaml);
        Assert.DoesNotContain("\\u00", Mesh.Ctl.Output.Json(node));
    }
}
