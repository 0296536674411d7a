namespace Mesh.Vpc.Domain;

// ChangeSaga names the POOL-2 agreement a change of an existing subnet starts (default: derived from the state).
public sealed record ApplySubnet(string Name, SubnetSpec Spec, Guid ChangeSaga = default) : ITopologyCommand;
