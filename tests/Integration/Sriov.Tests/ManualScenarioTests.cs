using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Mesh.Contracts.Sriov;
using Mesh.Testing;
using static Mesh.Sriov.Tests.ManualDocuments;

namespace Mesh.Sriov.Tests;

/// The seed manual's four scenarios (5.1.3-5.1.6) end to end: documents over HTTP, the desired
/// configuration and the VF to node-10's agent over RabbitMQ, the address from the IPAM stand-in.
public sealed class ManualScenarioTests : SriovTestBase
{
    public static TheoryData<string, string, string, string, string> Scenarios => new()
    {
        { "policy-runc-ib.yaml", "sriovibnetworks", "ibnics", "pod-runc-ibnics.yaml", "runc" },
        { "policy-runc-eth.yaml", "sriovnetworks", "nics", "pod-runc-nics.yaml", "runc" },
        { "policy-rune-ib.yaml", "sriovibnetworks", "ibnics", "pod-rune-ibnics.yaml", "rune" },
        { "policy-rune-eth.yaml", "sriovnetworks", "nics", "pod-rune-nics.yaml", "rune" },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    [Trait("rule", "SRIOV-4")]
    [Trait("rule", "SRIOV-5")]
    [Trait("rule", "SRIOV-7")]
    [Trait("rule", "SRIOV-8")]
    [Trait("rule", "SRIOV-9")]
    [Trait("rule", "SRIOV-10")]
    public async Task The_manual_scenario_gives_three_pods_a_VF_with_an_address_and_refuses_the_fourth(
        string policyFile, string plural, string network, string podFile, string runtime)
    {
        var policy = await ConfigureAsync(policyFile, plural, network);
        Assert.Equal(50, policy["spec"]!["priority"]!.GetValue<int>());
        Assert.Equal("node-10", policy["status"]!["matchedNodes"]![0]!["node"]!.GetValue<string>());

        var first = await JsonAsync(await AllocateAsync(Admin, Pod(podFile, "uid-1")));
        var vf = first["vfs"]![0]!;
        Assert.Equal(runtime, first["runtime"]!.GetValue<string>());
        Assert.Equal(("0000:71:00.1", "0000:71:00.0", $"{Ns}/{network}", "net1", "02:00:00:71:00:01"),
            (vf["vfPciAddress"]!.GetValue<string>(), vf["pfPciAddress"]!.GetValue<string>(), vf["network"]!.GetValue<string>(),
             vf["interface"]!.GetValue<string>(), vf["macAddress"]!.GetValue<string>()));
        Assert.Equal("192.168.100.64", vf["ipAddress"]!.GetValue<string>());

        await JsonAsync(await AllocateAsync(Admin, Pod(podFile, "uid-2", "pod-2")));
        await JsonAsync(await AllocateAsync(Admin, Pod(podFile, "uid-3", "pod-3")));
        var fourth = await AllocateAsync(Admin, Pod(podFile, "uid-4", "pod-4"));
        Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
        Assert.Equal("insufficient ecnf.io/mlxnics", await CodeAsync(fourth));

        var released = await JsonAsync(await Admin.DeleteAsync("/api/v1/vf-allocations/uid-2"));
        Assert.Equal("0000:71:00.2", released["released"]![0]!["vfPciAddress"]!.GetValue<string>());
        var again = await JsonAsync(await AllocateAsync(Admin, Pod(podFile, "uid-4", "pod-4")));
        Assert.Equal("0000:71:00.2", again["vfs"]![0]!["vfPciAddress"]!.GetValue<string>());

        await Eventually.TrueAsync(() => Ipam.AgentInbox.OfType<SriovVfsAllocated>().Count() == 4, "node-10's agent hears of 4 allocations");
        var desired = Assert.Single(Ipam.AgentInbox.OfType<SriovNodeConfigurationDesired>());
        Assert.Equal(("0000:71:00.0", 3, "mlxnics"), (desired.Pfs[0].PciAddress, desired.Pfs[0].NumVfs, desired.Pfs[0].ResourceName));
        var heard = Ipam.AgentInbox.OfType<SriovVfsAllocated>().First(a => a.PodUid == "uid-1").Vfs[0];
        Assert.Equal(("0000:71:00.1", "192.168.100.64", "net1"), (heard.VfPciAddress, heard.IpAddress, heard.Interface));
        await Eventually.TrueAsync(() => Ipam.AgentInbox.OfType<SriovVfsReleased>().Any(r => r.PodUid == "uid-2"), "the release reaches the agent");
        Assert.Contains(Ipam.Releases, r => r.PodUid == "uid-2" && r.Interface == "net1");
        await Eventually.TrueAsync(() => Ipam.Published.OfType<NetworkAttachmentDefinitionApplied>().Any(n => n.Name == network && n.Namespace == Ns),
            "the NetworkAttachmentDefinition is published");
    }

    [Fact]
    [Trait("rule", "SRIOV-5")]
    public async Task A_node_InProgress_gives_no_VFs_until_its_agent_reports_Succeeded()
    {
        await ConfigureAsync("policy-runc-eth.yaml", "sriovnetworks", "nics", agentSucceeds: false);
        var state = await JsonAsync(await Admin.GetAsync($"{Base}/sriovnetworknodestates/node-10"));
        Assert.Equal("InProgress", state["status"]!["syncStatus"]!.GetValue<string>());

        var refused = await AllocateAsync(Admin, Pod("pod-runc-nics.yaml", "uid-1"));
        Assert.Equal("insufficient ecnf.io/mlxnics", await CodeAsync(refused));
        Assert.Contains("InProgress", (await refused.Content.ReadAsStringAsync()));

        await ReportConfiguredAsync();
        await JsonAsync(await AllocateAsync(Admin, Pod("pod-runc-nics.yaml", "uid-1")));
    }

    [Fact]
    [Trait("rule", "SRIOV-10")]
    public async Task When_IPAM_refuses_the_VF_goes_back_and_the_reason_is_answered()
    {
        await ConfigureAsync("policy-runc-eth.yaml", "sriovnetworks", "nics");
        Ipam.RefuseAll = true;
        var refused = await AllocateAsync(Admin, Pod("pod-runc-nics.yaml", "uid-1"));
        Assert.Equal("IpNotEnough", await CodeAsync(refused));

        Ipam.RefuseAll = false;
        foreach (var uid in new[] { "uid-2", "uid-3", "uid-4" })
        {
            await JsonAsync(await AllocateAsync(Admin, Pod("pod-runc-nics.yaml", uid, uid)));
        }
    }

    [Fact]
    [Trait("rule", "SRIOV-9")]
    public async Task A_runc_pod_on_vfio_pci_VFs_is_refused_with_the_reason()
    {
        await ConfigureAsync("policy-rune-eth.yaml", "sriovnetworks", "nics");
        var refused = await AllocateAsync(Admin, Pod("pod-runc-nics.yaml", "uid-1"));
        Assert.Equal("RuntimeDeviceMismatch", await CodeAsync(refused));
    }

    [Fact]
    [Trait("rule", "SRIOV-10")]
    public async Task Pods_allocate_and_release_over_the_bus_and_a_repeat_is_the_same_answer()
    {
        await ConfigureAsync("policy-runc-ib.yaml", "sriovibnetworks", "ibnics");
        var bus = (IBus)App.Services.GetService(typeof(IBus))!;
        var allocate = bus.CreateRequestClient<AllocatePodVfs>();
        var first = await allocate.GetResponse<PodVfAllocation>(Pod("pod-runc-ibnics.yaml", "uid-1"));
        var repeat = await allocate.GetResponse<PodVfAllocation>(Pod("pod-runc-ibnics.yaml", "uid-1"));
        Assert.Equal(first.Message.Vfs[0], repeat.Message.Vfs[0]);

        var release = bus.CreateRequestClient<ReleasePodVfs>();
        var released = await release.GetResponse<PodVfRelease>(new ReleasePodVfs { Project = "p1", PodUid = "uid-1" });
        Assert.Equal("0000:71:00.1", Assert.Single(released.Message.Released).VfPciAddress);
        var twice = await release.GetResponse<PodVfRelease>(new ReleasePodVfs { Project = "p1", PodUid = "uid-1" });
        Assert.Empty(twice.Message.Released);
    }
}
