using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service.Api.Specs;

// Vpc.spec.policyRoutes[] (RT-2).
public sealed record PolicyRouteDto
{
    public int? Priority { get; init; }
    public string? Match { get; init; }
    public string? Action { get; init; }
    public string? NextHopIP { get; init; }

    public PolicyRoute ToDomain() => new(Priority ?? 0, Match ?? "", Action ?? "", NextHopIP);

    public static PolicyRouteDto From(PolicyRoute r) => new() { Priority = r.Priority, Match = r.Match, Action = r.Action, NextHopIP = r.NextHopIP };
}
