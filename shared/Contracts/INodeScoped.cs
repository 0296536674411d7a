namespace Mesh.Contracts;

/// <summary>
/// A message about one node (address, VF and GPU allocations, desired SR-IOV configuration). It is
/// published with the routing key <c>node.&lt;name&gt;</c> so that a node agent binds only its own
/// node's traffic (DOMAIN.md AGENT-1).
/// </summary>
public interface INodeScoped
{
    /// <summary>The node the message is for.</summary>
    string Node { get; }
}
