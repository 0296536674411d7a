using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service.Api.Specs;

// Vpc.spec.staticRoutes[] (RT-1).
public sealed record StaticRouteDto
{
    public string? Cidr { get; init; }
    public string? NextHopIP { get; init; }
    public string? Policy { get; init; }

    public StaticRoute ToDomain() => new(Cidr ?? "", NextHopIP ?? "", Policy);

    public static StaticRouteDto From(StaticRoute r) => new() { Cidr = r.Cidr, NextHopIP = r.NextHopIP, Policy = r.Policy };
}
