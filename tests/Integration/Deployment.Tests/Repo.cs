using Mesh.Testing;

namespace Mesh.Deployment.Tests;

/// <summary>Paths in the repository and the five services.</summary>
public static class Repo
{
    public static readonly string[] Services = ["vpc", "ipam", "fip", "sriov", "gpu"];

    public static string Root => TestServers.RepositoryRoot;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary><c>vpc</c> -> <c>Vpc</c>.</summary>
    public static string Capitalized(string service) => char.ToUpperInvariant(service[0]) + service[1..];

    /// <summary>The service's Dockerfile, relative to the root.</summary>
    public static string DockerfileOf(string service) => $"services/{service}/{Capitalized(service)}.Service/Dockerfile";
}
