using System.Text.Json.Nodes;
using static Mesh.Input.Tests.Clients.PythonClient;

namespace Mesh.Input.Tests.Clients;

[CollectionDefinition(Name)]
public sealed class PythonCollection : ICollectionFixture<PythonWorld>
{
    public const string Name = "python";
}

/// <summary>
/// COMMON-7 through a real outside caller: Python with pika (examples/clients/mesh_request.py, the client
/// docs/platform-services.md shows) sends plain JSON with reply_to and correlation_id to the five services
/// running as processes, and reads plain JSON answers.
/// </summary>
[Collection(PythonCollection.Name)]
[Trait("rule", "COMMON-7")]
public sealed class PythonClientTests(PythonWorld world)
{
    private static object Pod(string uid, string subnet) => new
    {
        project = "p1", podUid = uid, podNamespace = "default", podName = "py-" + uid, node = "n1", subnet,
    };

    private async Task<JsonObject> AskAsync(string queue, object body, string? correlationId = null)
    {
        var run = await RunAsync(world.AmqpUrl, [Request(queue, body, correlationId)]);
        var answer = run.Single();
        Assert.Equal("application/json", answer["contentType"]!.GetValue<string>());
        if (correlationId is not null)
        {
            Assert.Equal(correlationId, answer["correlationId"]!.GetValue<string>());
        }
        return answer;
    }

    private static string TypeOf(JsonObject answer) => answer["type"]!.GetValue<string>();

    private static JsonNode Body(JsonObject answer) => answer["body"]!;

    [Fact]
    public async Task Allocate_the_same_pod_again_and_release_answer_plain_json_with_the_callers_correlation_id()
    {
        var first = await AskAsync("ipam-allocate-ip", Pod("a-1", "py-a"), "py-allocate-1");
        Assert.Equal("IpAllocation", TypeOf(first));
        var ip = Body(first)["ipAddress"]!.GetValue<string>();
        Assert.StartsWith("10.230.0.", ip);
        Assert.Null(Body(first)["message"]);

        var again = await AskAsync("ipam-allocate-ip", Pod("a-1", "py-a"), "py-allocate-again");
        Assert.Equal(Body(first).ToJsonString(), Body(again).ToJsonString());

        var released = await AskAsync("ipam-release-ip", new { project = "p1", podUid = "a-1", reason = "PodDeleted" }, "py-release-1");
        Assert.Equal("IpReleaseResult", TypeOf(released));
        Assert.Equal(ip, Body(released)["released"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_full_subnet_answers_IpNotEnough_with_its_code_and_remedy()
    {
        Assert.Equal("IpAllocation", TypeOf(await AskAsync("ipam-allocate-ip", Pod("tiny-1", "py-tiny"))));
        var refused = await AskAsync("ipam-allocate-ip", Pod("tiny-2", "py-tiny"), "py-full");
        Assert.Equal("Rejected", TypeOf(refused));
        Assert.Equal("IpNotEnough", Body(refused)["code"]!.GetValue<string>());
        Assert.Equal(409, Body(refused)["status"]!.GetValue<int>());
        Assert.Contains("py-tiny", Body(refused)["message"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(Body(refused)["remedy"]?.GetValue<string>()));
    }

    [Fact]
    public async Task A_GPU_is_assigned()
    {
        var answer = await AskAsync("gpu-assign-pod-gpus", new
        {
            pod = new
            {
                @namespace = "ai", name = "train-0", uid = "py-gpu-pod", project = "p1", node = "py-gpu", runtimeClassName = "rune", workloadKind = "Job",
                requests = new Dictionary<string, string> { ["nvidia.com/gpu"] = "1", ["cpu"] = "2", ["memory"] = "4Gi" },
                tolerations = new[] { new { key = "accelerator", @operator = "Equal", value = "true", effect = "NoSchedule" } },
            },
            dryRun = false,
        }, "py-gpu-1");
        Assert.Equal("GpuAssignment", TypeOf(answer));
        Assert.Equal("py-gpu", Body(answer)["node"]!.GetValue<string>());
        Assert.StartsWith("GPU-py-gpu-", Body(answer)["env"]!["NVIDIA_VISIBLE_DEVICES"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_VF_is_allocated_with_an_address_from_the_networks_range()
    {
        var answer = await AskAsync("sriov-allocate-pod-vfs", new
        {
            project = "p1", podUid = "py-vf-pod", podNamespace = "eks-managed", podName = "sriov-runc-pod-demo", node = "node-10", runtimeClassName = "runc",
            annotations = new Dictionary<string, string> { ["k8s.v1.cni.cncf.io/networks"] = "eks-managed/nics" },
            requests = new Dictionary<string, int> { ["ecnf.io/mlxnics"] = 1 },
        }, "py-vf-1");
        Assert.Equal("PodVfAllocation", TypeOf(answer));
        var vf = Body(answer)["vfs"]![0]!;
        Assert.Equal("node-10", Body(answer)["node"]!.GetValue<string>());
        Assert.StartsWith("0000:71:00.", vf["vfPciAddress"]!.GetValue<string>());
        Assert.StartsWith("192.168.100.", vf["ipAddress"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_floating_IP_is_allocated_and_associated_with_a_pod()
    {
        var eip = await AskAsync("fip-allocate-fip", new { project = "p1", name = "py-eip", externalSubnet = "ext-net", idempotencyKey = "py-eip-key" }, "py-fip-1");
        Assert.Equal("FipAllocation", TypeOf(eip));
        var rule = await AskAsync("fip-associate-fip", new { project = "p1", kind = "eip", name = "py-fip", ovnEip = "py-eip", v4Ip = "192.168.100.31" }, "py-fip-2");
        Assert.Equal("FipRule", TypeOf(rule));
        Assert.Equal(Body(eip)["v4Ip"]!.GetValue<string>(), Body(rule)["v4Eip"]!.GetValue<string>());
        Assert.Equal("192.168.100.31", Body(rule)["v4Ip"]!.GetValue<string>());
    }

    [Fact]
    public async Task Three_hundred_concurrent_commands_get_three_hundred_answers_each_with_its_own_correlation_id()
    {
        var ids = Enumerable.Range(0, 300).Select(i => $"burst-{i:D3}").ToList();
        var run = await RunAsync(world.AmqpUrl, ids.Select(id => Request("ipam-allocate-ip", Pod(id, "py-burst"), "corr-" + id)), timeoutSeconds: 120);
        Assert.Empty(run.Missing);
        Assert.Empty(run.Unexpected);
        Assert.Equal(300, run.Answers.Count);
        Assert.All(run.Answers, a =>
        {
            Assert.Equal("IpAllocation", TypeOf(a));
            Assert.Equal("corr-" + Body(a)["podUid"]!.GetValue<string>(), a["correlationId"]!.GetValue<string>());
        });
        Assert.Equal(300, run.Answers.Select(a => Body(a)["ipAddress"]!.GetValue<string>()).Distinct().Count());
    }

    [Theory]
    [InlineData("{\"project\": \"p1\", \"podUid\": ")]
    [InlineData("this is not json")]
    public async Task A_malformed_body_is_answered_with_MalformedDocument_rather_than_silence(string raw)
    {
        var run = await RunAsync(world.AmqpUrl, [Raw("ipam-allocate-ip", raw, "py-bad")]);
        var answer = run.Single();
        Assert.Equal("py-bad", answer["correlationId"]!.GetValue<string>());
        Assert.Equal("Rejected", TypeOf(answer));
        Assert.Equal("MalformedDocument", Body(answer)["code"]!.GetValue<string>());
        Assert.Equal(400, Body(answer)["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(Body(answer)["remedy"]?.GetValue<string>()));
    }
}
