namespace Mesh.Vpc.Domain;

// An SDN external network a custom VPC attaches to (VPC-2). Id is the SDN's uuid.
public sealed record ExternalNetwork(string Id, string? Name, string Cidr, string? Gateway = null);
