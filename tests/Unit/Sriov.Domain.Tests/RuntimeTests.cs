using Mesh.Contracts;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

[Trait("rule", "SRIOV-9")]
public sealed class RuntimeTests
{
    private static Decision Allocate(Scenario nodeScenario, AllocateVfs pod) =>
        VfAllocator.Decide(Given.ReadyNode(nodeScenario), pod, Given.ConfigFor(nodeScenario), SriovSettings.Default);

    [Fact]
    public void A_rune_pod_without_the_Kata_SR_IOV_annotation_is_refused()
    {
        var pod = Manual.Pod(Manual.RuneEth, "uid-1");
        pod = pod with { Annotations = pod.Annotations.Where(a => a.Key != "io.katacontainers.config.runtime.enable_sriov").ToDictionary() };

        var error = Then.Rejected(Allocate(Manual.RuneEth, pod), SriovErrorCodes.KataSriovAnnotationRequired);

        Assert.Contains("enable_sriov: \"true\"", error.Remedy);
    }

    [Fact]
    public void A_rune_pod_on_netdevice_VFs_is_refused_with_the_reason()
    {
        var error = Then.Rejected(Allocate(Manual.RuncEth, Manual.Pod(Manual.RuneEth, "uid-1")), SriovErrorCodes.RuntimeDeviceMismatch);

        Assert.Contains("vfio-pci", error.Message);
        Assert.Contains("deviceType: vfio-pci", error.Remedy);
    }

    [Fact]
    public void A_runc_pod_on_vfio_pci_VFs_is_refused_with_the_reason()
    {
        var error = Then.Rejected(Allocate(Manual.RuneEth, Manual.Pod(Manual.RuncEth, "uid-1")), SriovErrorCodes.RuntimeDeviceMismatch);

        Assert.Contains("netdevice", error.Message);
    }

    [Fact]
    public void A_runc_pod_on_InfiniBand_netdevice_VFs_without_rdma_is_refused()
    {
        // A policy stored before the IB-implies-RDMA default existed.
        var old = Manual.Valid(Manual.Policy(Manual.RuncIb)) with { Spec = Manual.Valid(Manual.Policy(Manual.RuncIb)).Spec with { IsRdma = false } };
        var inventory = new NodeInventory(Manual.Node, Manual.Labels, [Manual.PfReport("IB", 0)]);
        var node = Given.Node(
            new NodeStateReported(Manual.Node, [Manual.PfReport("IB", 0)], SyncStatus.Succeeded),
            new NodeConfigurationDesired(Manual.Node, PolicyPlanner.Plan(inventory, [old]).Values.ToList(), [Manual.Pf], [], "restart"),
            new NodeStateReported(Manual.Node, [Manual.PfReport("IB", 3)], SyncStatus.Succeeded));

        var error = Then.Rejected(VfAllocator.Decide(node, Manual.Pod(Manual.RuncIb, "uid-1"), Given.ConfigFor(Manual.RuncIb), SriovSettings.Default),
            SriovErrorCodes.RuntimeDeviceMismatch);

        Assert.Contains("isRdma", error.Message);
    }

    [Fact]
    public void An_unknown_runtime_class_is_refused() =>
        Then.Rejected(Allocate(Manual.RuncEth, Manual.Pod(Manual.RuncEth, "uid-1") with { RuntimeClassName = "gvisor" }), SriovErrorCodes.UnsupportedRuntime);

    [Fact]
    public void A_pod_without_a_runtime_class_runs_as_runc() =>
        Assert.Equal("runc", Then.Single<VfsAllocated>(Allocate(Manual.RuncEth, Manual.Pod(Manual.RuncEth, "uid-1"))).Runtime);
}
