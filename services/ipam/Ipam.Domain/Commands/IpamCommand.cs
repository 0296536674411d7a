namespace Mesh.Ipam.Domain.Commands;

/// <summary>Every command targets one pool; <see cref="Now"/> is passed in because the domain has no clock.</summary>
public abstract record IpamCommand(string Subnet, DateTimeOffset Now);
