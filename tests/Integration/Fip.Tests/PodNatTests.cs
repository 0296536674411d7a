using MassTransit;
using Mesh.Contracts;
using Mesh.Contracts.Fip;
using Mesh.Testing;
using static Mesh.Fip.Tests.FipFixture;

namespace Mesh.Fip.Tests;

[Collection(nameof(FipFixture))]
public sealed class PodNatTests(FipFixture f)
{
    private static string Json(string uid, string name, string ip, string annotation, string address, string project = "proj-a") => $$"""
        {"project":"{{project}}","podUid":"{{uid}}","podNamespace":"default","podName":"{{name}}","ipAddress":"{{ip}}",
         "annotations":{"{{annotation}}":"{{address}}"} }
        """;

    [Fact, Trait("rule", "FIP-3")]
    public async Task A_pod_with_the_snat_annotation_gets_that_egress_and_loses_it_with_the_pod()
    {
        await f.AllocatedAsync("10.1.4.11", "snat-busybox");
        var body = Json("uid-snat-busybox", "snat-busybox", "10.1.4.11", "ovn.kubernetes.io/snat", "172.35.0.18");
        var applied = Ok(await f.SendAsync(HttpMethod.Post, "/api/v1/pod-nat", f.Member("proj-a"), body));
        var rule = applied.GetProperty("rules")[0];
        Assert.Equal(("snat", "172.35.0.18", "10.1.4.11"), (rule.GetProperty("kind").GetString(), rule.GetProperty("v4Eip").GetString(), rule.GetProperty("v4Ip").GetString()));
        Assert.Equal("pod-uid-snat-busybox-snat", rule.GetProperty("name").GetString());
        Ok(await f.SendAsync(HttpMethod.Post, "/api/v1/pod-nat", f.Member("proj-a"), body));
        Assert.Equal(1, await f.Db.ScalarAsync<long>("SELECT count(*) FROM mesh_events WHERE type = 'fip.fip-associated.v1' AND data->'rule'->>'ruleId' = 'pod-uid-snat-busybox-snat'"));

        var released = Ok(await f.SendAsync(HttpMethod.Delete, "/api/v1/pod-nat/uid-snat-busybox", f.Member("proj-a")));
        Assert.Equal("pod-uid-snat-busybox-snat", released.GetProperty("removedRules")[0].GetString());
        Assert.Equal("fip-172-35-0-18", released.GetProperty("releasedFips")[0].GetString());
        await ProblemAsync(await f.SendAsync(HttpMethod.Get, Docs.Snats + "pod-uid-snat-busybox-snat", f.Member("proj-a")), 404, "NotFound");
    }

    [Fact, Trait("rule", "FIP-3")]
    public async Task A_vm_with_the_eip_annotation_gets_the_one_to_one_eip_over_the_bus_on_the_projects_own_fip()
    {
        await f.AllocatedAsync("10.1.4.21", "kubevirt-eip");
        Ok(await f.SendAsync(HttpMethod.Put, Docs.Eips + "vm-eip", f.Member("proj-a"), Docs.Eip("vm-eip", ip: "172.35.0.20")));
        var client = f.Bus.CreateRequestClient<ApplyPodNat>();
        var response = await client.GetResponse<PodNatApplied, Rejected>(new ApplyPodNat
        {
            Project = "proj-a", PodUid = "uid-kubevirt-eip", PodNamespace = "default", PodName = "kubevirt-eip", IpAddress = "10.1.4.21",
            Annotations = new Dictionary<string, string> { ["ovn.kubernetes.io/eip"] = "172.35.0.20" },
        });
        Assert.True(response.Is(out Response<PodNatApplied>? ok), response.Message.ToString());
        Assert.Equal(("eip", "vm-eip"), (ok!.Message.Rules[0].Kind, ok.Message.Rules[0].OvnEip));

        var release = await f.Bus.CreateRequestClient<ReleasePodNat>().GetResponse<PodNatReleased, Rejected>(
            new ReleasePodNat { Project = "proj-a", PodUid = "uid-kubevirt-eip" });
        Assert.True(release.Is(out Response<PodNatReleased>? gone));
        Assert.Equal(["pod-uid-kubevirt-eip-eip"], gone!.Message.RemovedRules);
        Assert.Empty(gone.Message.ReleasedFips);
        Ok(await f.SendAsync(HttpMethod.Get, Docs.Eips + "vm-eip", f.Member("proj-a")));
    }

    [Fact, Trait("rule", "FIP-5")]
    public async Task A_pod_asking_for_both_snat_and_eip_on_one_address_is_refused_and_keeps_nothing()
    {
        await f.AllocatedAsync("10.1.4.31", "both-pod");
        var body = $$"""
            {"project":"proj-a","podUid":"uid-both","podNamespace":"default","podName":"both-pod","ipAddress":"10.1.4.31",
             "annotations":{"ovn.kubernetes.io/snat":"172.35.0.41","ovn.kubernetes.io/eip":"172.35.0.42"} }
            """;
        await ProblemAsync(await f.SendAsync(HttpMethod.Post, "/api/v1/pod-nat", f.Member("proj-a"), body), 409, "EipSnatConflict");
        await ProblemAsync(await f.SendAsync(HttpMethod.Get, Docs.Eips + "fip-172-35-0-41", f.Member("proj-a")), 404, "FipNotFound");
    }

    [Theory]
    [InlineData("ovn.kubernetes.io/snat", "172.35.0.999", 422, "InvalidIp")]
    [InlineData("ovn.kubernetes.io/eip", "203.0.113.5", 422, "AddressNotInPool")]
    public async Task Bad_annotations_get_specific_codes(string annotation, string address, int status, string code)
    {
        await f.AllocatedAsync("10.1.4.41", "bad-pod");
        await ProblemAsync(await f.SendAsync(HttpMethod.Post, "/api/v1/pod-nat", f.Member("proj-a"),
            Json("uid-bad-pod", "bad-pod", "10.1.4.41", annotation, address)), status, code);
    }

    [Fact]
    public async Task The_pod_path_refuses_another_project_and_a_missing_field()
    {
        await ProblemAsync(await f.SendAsync(HttpMethod.Post, "/api/v1/pod-nat", f.Member("proj-x"),
            Json("uid-x", "x", "10.1.4.51", "ovn.kubernetes.io/snat", "172.35.0.44")), 403, "Forbidden");
        await ProblemAsync(await f.SendAsync(HttpMethod.Post, "/api/v1/pod-nat", f.Member("proj-a"),
            """{"project":"proj-a","podNamespace":"default","podName":"x","ipAddress":"10.1.4.51"}"""), 400, "MalformedDocument");
    }
}
