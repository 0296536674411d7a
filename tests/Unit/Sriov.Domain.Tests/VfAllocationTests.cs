using Mesh.Contracts;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

[Trait("rule", "SRIOV-10")]
public sealed class VfAllocationTests
{
    private static readonly Scenario S = Manual.RuneIb;
    private readonly SriovNode node = Given.ReadyNode(S);
    private readonly SriovConfig config = Given.ConfigFor(S);

    private Decision Allocate(AllocateVfs pod) => VfAllocator.Decide(node, pod, config, SriovSettings.Default);

    [Fact]
    public void Two_pods_get_different_VFs()
    {
        var first = Then.Single<VfsAllocated>(Allocate(Manual.Pod(S, "uid-1")));
        node.Apply(first);
        var second = Then.Single<VfsAllocated>(Allocate(Manual.Pod(S, "uid-2")));

        Assert.NotEqual(first.Vfs[0].VfPciAddress, second.Vfs[0].VfPciAddress);
    }

    [Fact]
    public void Asking_again_with_the_same_pod_uid_appends_nothing()
    {
        node.Apply(Then.Single<VfsAllocated>(Allocate(Manual.Pod(S, "uid-1"))));

        Then.Nothing(Allocate(Manual.Pod(S, "uid-1")));
    }

    [Fact]
    public void The_same_pod_uid_asking_for_a_different_count_is_refused()
    {
        node.Apply(Then.Single<VfsAllocated>(Allocate(Manual.Pod(S, "uid-1"))));

        Then.Rejected(Allocate(Manual.Pod(S, "uid-1", count: 2)), SriovErrorCodes.PodAlreadyHasVfs);
    }

    [Fact]
    public void Releasing_twice_appends_one_release()
    {
        node.Apply(Then.Single<VfsAllocated>(Allocate(Manual.Pod(S, "uid-1"))));
        var released = Then.Single<VfsReleased>(VfAllocator.Decide(node, new ReleaseVfs(Manual.Node, "uid-1")));
        node.Apply(released);

        Then.Nothing(VfAllocator.Decide(node, new ReleaseVfs(Manual.Node, "uid-1")));
        Assert.Empty(node.VfHolders);
        Assert.Equal(Manual.Node, released.Node);
    }

    [Fact]
    public void A_node_without_a_PF_for_the_resource_answers_insufficient() =>
        Then.Rejected(VfAllocator.Decide(Given.Node(), Manual.Pod(S, "uid-1"), config, SriovSettings.Default), "insufficient ecnf.io/mlxnics");

    [Fact]
    public void A_request_for_more_VFs_than_are_free_is_refused_whole()
    {
        node.Apply(Then.Single<VfsAllocated>(Allocate(Manual.Pod(S, "uid-1", count: 2))));

        var error = Then.Rejected(Allocate(Manual.Pod(S, "uid-2", count: 2)), "insufficient ecnf.io/mlxnics");

        Assert.Equal(ErrorKind.Exhausted, error.Kind);
        Assert.Single(node.Allocations);
    }
}
