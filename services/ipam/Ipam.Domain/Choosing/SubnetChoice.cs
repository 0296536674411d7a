namespace Mesh.Ipam.Domain.Choosing;

/// <summary>The chosen subnet and which IPAM-3 step chose it, so that a surprise can be explained.</summary>
public sealed record SubnetChoice(string Subnet, SubnetChoiceSource Source);
