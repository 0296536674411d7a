namespace Mesh.Ipam.Domain.Addressing;

public enum IpFamily
{
    V4,
    V6,
}
