using System.Text.Json.Nodes;

namespace Mesh.Vpc.Service.Api;

// The Kubernetes Status answer to a DELETE that completed.
internal static class StatusDocument
{
    public static JsonObject Deleted(string group, string plural, string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Status",
        ["status"] = "Success",
        ["details"] = new JsonObject { ["name"] = name, ["group"] = group, ["kind"] = plural },
    };
}
