namespace Mesh.Vpc.Tests;

// How the IPAM double answers SubnetDeletionRequested.
public enum IpamAnswer
{
    Hold,
    Prepare,
    Refuse,
}
