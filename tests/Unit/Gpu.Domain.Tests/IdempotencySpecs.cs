using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

[Trait("rule", "COMMON-2")]
public class IdempotencySpecs
{
    [Fact]
    public void The_same_pod_asking_again_gets_the_same_cards_and_no_new_events()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0), Nvidia(1)));
        var first = Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Pod("p1", exclusive: true))));

        Then.Nothing(spec.Run(new AssignGpus("n1", Pod("p1", exclusive: true))));

        Assert.Same(first, spec.State.Assignments["p1"]);
    }

    [Fact]
    public void The_same_uid_with_a_different_request_is_refused_with_PodAlreadyAssigned()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0), Nvidia(1)));
        spec.Run(new AssignGpus("n1", Pod("p1")));

        Then.Rejected(spec.When(new AssignGpus("n1", Pod("p1", count: "2"))), GpuErrors.PodAlreadyAssignedCode);
    }

    [Fact]
    public void Releasing_twice_records_one_release()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0)));
        spec.Run(new AssignGpus("n1", Pod("p1")));

        Then.Single<GpuDevicesReleased>(spec.Run(new ReleaseGpus("n1", "p1")));
        Then.Nothing(spec.Run(new ReleaseGpus("n1", "p1")));
        Assert.True(spec.State.UsageOf(0).IsFree);
    }

    [Fact]
    [Trait("rule", "COMMON-3")]
    public void Assigning_on_an_unregistered_node_is_refused_with_NodeNotFound()
    {
        var error = Then.Rejected(Spec.Given("ghost").When(new AssignGpus("ghost", Pod())), GpuErrors.NodeNotFoundCode);
        Assert.Equal("node", error.Field);
        Assert.Equal("ghost", error.Value);
        Assert.Equal(404, error.Status);
    }

    [Fact]
    [Trait("rule", "COMMON-3")]
    public void A_pod_without_a_uid_is_refused() =>
        Then.Rejected(Spec.Given("n1", Registered("n1", Nvidia(0))).When(new AssignGpus("n1", Pod(uid: ""))), GpuErrors.InvalidRequestCode);
}
