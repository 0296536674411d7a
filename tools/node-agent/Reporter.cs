using System.Text.Json.Nodes;

namespace Mesh.NodeAgent;

/// <summary>Reports the node's inventory to the services that keep it (SR-IOV node state, GPU inventory).</summary>
public sealed class Reporter(NodeDescription description)
{
    public NodeDescription Description => description;

    public Task ReportAsync(CancellationToken ct) => Task.CompletedTask;

    public void OnEvent(string type, JsonObject message)
    {
    }
}
