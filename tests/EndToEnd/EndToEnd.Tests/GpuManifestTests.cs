using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mesh.Ctl;
using Mesh.Hosting;
using Mesh.Hosting.Resources;
using Mesh.Testing;

namespace Mesh.EndToEnd.Tests;

/// <summary>GPU-13 (issue 26.6): seed 001's GPU pod as written, env and nodeSelector included, through meshctl and the pod flow.</summary>
[Trait("rule", "GPU-13")]
public sealed class GpuManifestTests
{
    // Seed 001's perf-server0 with CXPU_VISIBLE_DEVICES: ALL (its lost indentation restored; the template's pod spec).
    private static string Manifest(string name, string? nodeSelector = null) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: ai
          labels:
            my-app: perf-server0
            mesh.io/project: p1
            mesh.io/workload-kind: Deployment
          annotations:
            io.katacontainers.config.runtime.sandbox_cgroup_only: "false"
        spec:
          runtimeClassName: rune
          tolerations:
            - { key: accelerator, operator: Equal, value: "true", effect: NoSchedule }
        {{(nodeSelector is null ? "" : "  nodeSelector:\n    " + nodeSelector + "\n")}}  containers:
          - name: perf-server0
            image: docker.io/test/perf:0.0.1
            command:
            - iperf3
            args:
            - -s
            env:
              - name: CXPU_VISIBLE_DEVICES
                value: ALL
            resources:
              limits:
                cpu: "2"
                memory: 2Gi
                baidu.com/XPU: "1"
              requests:
                cpu: "2"
                memory: 2Gi
                baidu.com/XPU: "1"
        """;

    [Fact]
    public void The_manifests_env_and_node_selector_reach_the_pod_descriptor()
    {
        var text = Manifest("perf-server0", "kubernetes.io/hostname: node-11");
        var pod = PodCommands.FromManifest(ResourceReader.Parse(text).Single(), null, PodCommands.ManifestUid(text));
        Assert.Equal("ALL", pod.Env!["CXPU_VISIBLE_DEVICES"]);
        Assert.Equal("node-11", pod.NodeSelector!["kubernetes.io/hostname"]);
    }

    [Fact]
    public async Task Meshctl_pod_create_shares_a_card_for_ALL_and_honours_the_node_selector()
    {
        await using var mesh = await ServiceProcesses.StartAsync("ipam", "gpu", "vpc");
        using var admin = new HttpClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevTokens.Mint(new AuthOptions(), "sre", "platform", MeshPrincipal.AdminRole));
        var node = Descriptions11();
        (await admin.PutAsJsonAsync(mesh.Urls["gpu"] + "/apis/gpu.mesh.io/v1/gpunodes/node-11", node)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => (await admin.GetAsync(mesh.Urls["ipam"] + "/api/v1/subnets/ovn-default/usage")).IsSuccessStatusCode,
            "IPAM knows ovn-default", TimeSpan.FromSeconds(60));
        var meshctl = ToolProcess.Dll("meshctl", "meshctl");

        var shared = await ToolProcess.RunAsync(meshctl, mesh.ClientEnvironment, Manifest("perf-server0"), "pod", "create", "-f", "-", "-o", "json");
        Assert.True(shared.ExitCode == 0, shared.Stdout + shared.Stderr);
        var gpus = JsonNode.Parse(shared.Stdout)!["gpus"]!;
        Assert.Equal("node-11", gpus["node"]!.GetValue<string>());
        Assert.False(gpus["exclusive"]!.GetValue<bool>());

        var elsewhere = await ToolProcess.RunAsync(meshctl, mesh.ClientEnvironment, Manifest("perf-server1", "kubernetes.io/hostname: node-99"),
            "pod", "create", "-f", "-");
        Assert.Equal(1, elsewhere.ExitCode);
        Assert.Contains("didn't match Pod's node affinity/selector", elsewhere.Stderr);
    }

    private static JsonObject Descriptions11() => new()
    {
        ["apiVersion"] = "gpu.mesh.io/v1",
        ["kind"] = "GpuNode",
        ["metadata"] = new JsonObject { ["name"] = "node-11" },
        ["spec"] = new JsonObject
        {
            ["arch"] = "amd64",
            ["labels"] = new JsonObject { ["kubernetes.io/hostname"] = "node-11", ["accelerator"] = "true" },
            ["taints"] = new JsonArray(new JsonObject { ["key"] = "accelerator", ["value"] = "true", ["effect"] = "NoSchedule" }),
            ["devices"] = new JsonArray(
                new JsonObject { ["index"] = 0, ["uuid"] = "XPU-0b7e0000-0000-4000-8000-000000000000", ["vendor"] = "baidu", ["model"] = "Kunlun R200-8F", ["memoryMiB"] = 16384 },
                new JsonObject { ["index"] = 1, ["uuid"] = "XPU-0b7e0000-0000-4000-8000-000000000001", ["vendor"] = "baidu", ["model"] = "Kunlun R200-8F", ["memoryMiB"] = 16384 }),
        },
    };
}
