namespace Mesh.Vpc.Service.Api;

// A status condition, as Kubernetes resources carry them.
public sealed record Condition(string Type, string Status, string Reason, string? Message = null)
{
    public static Condition True(string type, string reason, string? message = null) => new(type, "True", reason, message);

    public static Condition False(string type, string reason, string? message = null) => new(type, "False", reason, message);
}
