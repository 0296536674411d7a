namespace Mesh.Vpc.Domain;

// RT-2. action: allow, drop or reroute (reroute needs nextHopIP).
public sealed record PolicyRoute(int Priority, string Match, string Action, string? NextHopIP = null);
