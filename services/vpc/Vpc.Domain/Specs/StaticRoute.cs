namespace Mesh.Vpc.Domain;

// RT-1. policy: "policyDst" (default) or "policySrc".
public sealed record StaticRoute(string Cidr, string NextHopIP, string? Policy = null);
