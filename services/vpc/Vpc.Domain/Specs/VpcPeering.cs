namespace Mesh.Vpc.Domain;

// RT-4. localConnectIP is an interface address with its prefix, e.g. 169.254.0.1/30.
public sealed record VpcPeering(string RemoteVpc, string LocalConnectIP);
