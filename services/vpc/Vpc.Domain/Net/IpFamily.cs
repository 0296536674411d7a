namespace Mesh.Vpc.Domain.Net;

public enum IpFamily
{
    V4,
    V6,
}
