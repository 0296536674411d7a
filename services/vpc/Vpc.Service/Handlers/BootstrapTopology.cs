using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service.Handlers;

// VPC-1: create ovn-cluster and ovn-default when the stream is empty; nothing otherwise, so that
// every restart and every replica may send it.
public sealed record BootstrapTopology : ITopologyCommand;
