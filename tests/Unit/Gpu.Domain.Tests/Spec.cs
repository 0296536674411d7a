using Mesh.Contracts;
using Mesh.Gpu.Domain;

namespace Mesh.Gpu.Domain.Tests;

/// <summary>Given events / when command / then events, with no I/O.</summary>
internal sealed class Spec
{
    private Spec(GpuNode node) => State = node;

    public GpuNode State { get; }

    public static Spec Given(string node, params object[] events) => new(GpuNode.From(node, events));

    public Decision When(object command) => GpuNodeDecider.Decide(State, command);

    /// <summary>Decide and apply, as the node's actor does.</summary>
    public Decision Run(object command)
    {
        var decision = When(command);
        foreach (var e in decision.Events)
        {
            State.Apply(e);
        }
        return decision;
    }
}

internal static class Then
{
    public static T Single<T>(Decision decision)
    {
        Assert.False(decision.IsRejected, decision.Error?.ToString());
        return Assert.IsType<T>(Assert.Single(decision.Events));
    }

    public static MeshError Rejected(Decision decision, string code)
    {
        Assert.True(decision.IsRejected, "expected a rejection");
        Assert.Equal(code, decision.Error!.Code);
        Assert.Empty(decision.Events);
        return decision.Error;
    }

    public static void Nothing(Decision decision)
    {
        Assert.False(decision.IsRejected, decision.Error?.ToString());
        Assert.Empty(decision.Events);
    }
}
