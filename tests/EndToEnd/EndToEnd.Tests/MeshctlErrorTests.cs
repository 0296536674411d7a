using Mesh.Testing;

namespace Mesh.EndToEnd.Tests;

/// <summary>
/// meshctl as a tool (issue 25): a user's mistake is one clear line on stderr and a non-zero exit, never a .NET stack
/// trace. These need no running mesh: a bad document is refused before anything is sent, and a service that is down
/// is said to be down.
/// </summary>
public sealed class MeshctlErrorTests : IDisposable
{
    private readonly string _meshctl = ToolProcess.Dll("meshctl", "meshctl");
    private readonly string _dir = Directory.CreateTempSubdirectory("meshctl-errors-").FullName;

    // Nothing listens here: the services are "down".
    private static readonly Dictionary<string, string> Down = new[] { "vpc", "ipam", "fip", "sriov", "gpu" }
        .ToDictionary(s => $"MESH_{s.ToUpperInvariant()}_URL", _ => "http://127.0.0.1:9");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static void AssertOneLineError(ToolProcess.Result result, string said)
    {
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(said, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Unhandled exception", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Theory]
    [Trait("rule", "COMMON-8")]
    [InlineData("apply")]
    [InlineData("pod")]
    public async Task An_empty_mapping_key_as_in_seed_001s_template_pod_is_one_line_naming_line_and_column(string command)
    {
        // Seed 001's template pod as the PDF extraction gives it: requests: {: '1'}.
        var pod = File("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: sriov-template\nspec:\n  containers:\n  - name: app\n    resources:\n      requests: {: '1'}\n");
        var result = command == "apply"
            ? await ToolProcess.RunAsync(_meshctl, Down, null, "apply", "-f", pod)
            : await ToolProcess.RunAsync(_meshctl, Down, null, "pod", "create", "-f", pod);
        AssertOneLineError(result, "empty mapping key at line 9, column");
    }

    [Fact]
    public async Task Malformed_yaml_a_missing_file_and_a_service_that_is_down_are_each_one_line()
    {
        AssertOneLineError(await ToolProcess.RunAsync(_meshctl, Down, null, "apply", "-f", File("bad.yaml", "kind: Subnet\n  metadata: [\n")), "not valid YAML");
        AssertOneLineError(await ToolProcess.RunAsync(_meshctl, Down, null, "apply", "-f", Path.Combine(_dir, "missing.yaml")), "missing.yaml");
        AssertOneLineError(await ToolProcess.RunAsync(_meshctl, Down, null, "get", "subnets"), "cannot reach");
    }
}
