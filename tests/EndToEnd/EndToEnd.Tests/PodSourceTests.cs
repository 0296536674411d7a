using Mesh.NodeAgent;

namespace Mesh.EndToEnd.Tests;

/// <summary>AGENT-2: the node agent's pod sources read the documents the kubelet and crictl really print.</summary>
public sealed class PodSourceTests
{
    // crictl pods -o json (cri-tools 1.29), one ready and one not-ready sandbox.
    private const string Crictl = """
        {
          "items": [
            {
              "id": "5c8b0bfbd2b4c0fbd7a4e5e1e2b0e33b0d1c6b0b8a6f1c8e",
              "metadata": { "name": "web-0", "uid": "6f1c2d9e-8b1a-4c55-9d2e-0a1b2c3d4e5f", "namespace": "default", "attempt": 0 },
              "state": "SANDBOX_READY",
              "createdAt": "1733580000000000000",
              "labels": { "io.kubernetes.pod.name": "web-0" },
              "annotations": { "ovn.kubernetes.io/logical_switch": "net192" },
              "runtimeHandler": "rune"
            },
            {
              "id": "0a9d2f7c33e2b6f1a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3",
              "metadata": { "name": "job-1", "uid": "a1b2c3d4-0000-4000-8000-000000000001", "namespace": "ai", "attempt": 1 },
              "state": "SANDBOX_NOTREADY",
              "createdAt": "1733570000000000000"
            }
          ]
        }
        """;

    // GET https://127.0.0.1:10250/pods: a Running pod, a completed Job pod, a Pending one.
    private const string Kubelet = """
        {"kind":"PodList","apiVersion":"v1","metadata":{},"items":[
          {"metadata":{"name":"web-0","namespace":"default","uid":"u-run","annotations":{"ovn.kubernetes.io/ip_address":"192.168.100.70"}},
           "spec":{"nodeName":"node-10","containers":[{"name":"web","image":"nginx"}]},"status":{"phase":"Running","podIP":"192.168.100.70"}},
          {"metadata":{"name":"job-0","namespace":"ai","uid":"u-done"},"spec":{"nodeName":"node-10"},"status":{"phase":"Succeeded"}},
          {"metadata":{"name":"job-1","namespace":"ai","uid":"u-failed"},"spec":{"nodeName":"node-10"},"status":{"phase":"Failed"}},
          {"metadata":{"name":"new-0","namespace":"ai","uid":"u-pending"},"spec":{"nodeName":"node-10"},"status":{"phase":"Pending"}}
        ]}
        """;

    [Fact]
    [Trait("rule", "AGENT-2")]
    public void Crictl_lists_every_sandbox_it_still_has_ready_or_not()
    {
        Assert.Equal(["6f1c2d9e-8b1a-4c55-9d2e-0a1b2c3d4e5f", "a1b2c3d4-0000-4000-8000-000000000001"], PodSources.LiveUids(Crictl));
    }

    [Fact]
    [Trait("rule", "AGENT-2")]
    public void The_kubelets_pod_list_leaves_out_pods_that_have_finished()
    {
        Assert.Equal(["u-run", "u-pending"], PodSources.LiveUids(Kubelet));
    }

    [Theory]
    [Trait("rule", "AGENT-2")]
    [InlineData("""{"kind":"Status","status":"Failure","message":"Unauthorized"}""", "no items array")]
    [InlineData("""{"items":[{"metadata":{"name":"x"}}]}""", "no metadata.uid")]
    public void A_document_that_is_not_a_pod_list_is_an_error_never_an_empty_list(string json, string message)
    {
        Assert.Contains(message, Assert.Throws<FormatException>(() => PodSources.LiveUids(json)).Message);
    }

    [Fact]
    [Trait("rule", "IPAM-11a")]
    public void Without_a_source_or_a_description_listing_pods_the_agent_has_none()
    {
        var discovered = new NodeDescription { Node = "node-10" };
        Assert.Null(PodSources.Parse(null, discovered));
        Assert.Null(PodSources.Parse("none", discovered with { Pods = ["u1"] }));
        Assert.Equal("description", PodSources.Parse(null, discovered with { Pods = [] })!.Name);
        Assert.Equal("kubelet", PodSources.Parse("kubelet", discovered)!.Name);
        Assert.Equal("crictl", PodSources.Parse("crictl:/usr/local/bin/crictl", discovered)!.Name);
        Assert.Contains("is not one of", Assert.Throws<ArgumentException>(() => PodSources.Parse("docker", discovered)).Message);
        Assert.Throws<ArgumentException>(() => PodSources.Parse("file:", discovered));
    }
}
