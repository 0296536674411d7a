namespace Mesh.Vpc.Domain;

// A command the TopologyDecider decides.
public interface ITopologyCommand;
