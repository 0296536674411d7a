using Mesh.Fip.Domain.Deciders;

namespace Mesh.Fip.Domain.Tests;

// Given events / when command / then events.
internal static class Spec
{
    public static FipPoolState Given(params object[] events) => FipPoolState.From(events);

    public static Decision When(this FipPoolState state, object command, FipSettings? settings = null) =>
        FipDecider.Decide(state, command, settings ?? FipSettings.Default);

    public static void ThenEvents(this Decision decision, params object[] expected)
    {
        Assert.Null(decision.Error);
        Assert.Equal(expected, decision.Events);
    }

    public static MeshError ThenRejected(this Decision decision, string code)
    {
        Assert.NotNull(decision.Error);
        Assert.Equal(code, decision.Error!.Code);
        Assert.Empty(decision.Events);
        Assert.False(string.IsNullOrEmpty(decision.Error.Field));
        return decision.Error;
    }

    public static void ThenNothing(this Decision decision)
    {
        Assert.Null(decision.Error);
        Assert.Empty(decision.Events);
    }

    public static FipPoolState Applied(this FipPoolState state, Decision decision)
    {
        foreach (var e in decision.Events)
        {
            state.Apply(e);
        }
        return state;
    }
}
