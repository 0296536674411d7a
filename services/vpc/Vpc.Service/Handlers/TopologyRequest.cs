using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service.Handlers;

// A command for the topology writer, with the caller's expected version (If-Match or
// metadata.resourceVersion; null: any).
public sealed record TopologyRequest(ITopologyCommand Command, long? ExpectedVersion = null);
