using Mesh.Contracts;

namespace Mesh.Sriov.Domain.Tests;

internal static class Then
{
    /// A rejection carries the code and appends nothing.
    public static MeshError Rejected(Decision decision, string code)
    {
        Assert.True(decision.IsRejected, $"expected {code}, got events {string.Join(", ", decision.Events)}");
        Assert.Equal(code, decision.Error!.Code);
        Assert.Empty(decision.Events);
        return decision.Error;
    }

    public static T Single<T>(Decision decision)
    {
        Assert.False(decision.IsRejected, decision.Error?.ToString());
        return Assert.IsType<T>(Assert.Single(decision.Events));
    }

    /// Accepted, with an event of type T among the events.
    public static T Has<T>(Decision decision)
    {
        Assert.False(decision.IsRejected, decision.Error?.ToString());
        return Assert.Single(decision.Events.OfType<T>());
    }

    public static void Nothing(Decision decision)
    {
        Assert.False(decision.IsRejected, decision.Error?.ToString());
        Assert.Empty(decision.Events);
    }

    public static void Applied(Decision decision, params object[] states)
    {
        Assert.False(decision.IsRejected, decision.Error?.ToString());
        foreach (var e in decision.Events)
        {
            foreach (var state in states)
            {
                switch (state)
                {
                    case Mesh.Sriov.Domain.SriovNode node: node.Apply(e); break;
                    case Mesh.Sriov.Domain.SriovConfig config: config.Apply(e); break;
                }
            }
        }
    }
}
