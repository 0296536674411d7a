namespace Mesh.Ipam.Domain.Choosing;

public enum SubnetChoiceSource
{
    Annotation,
    Namespace,
    VpcDefault,

    /// <summary>IPAM-6a: another subnet of the pod's VPC, taken because the ones before it are full.</summary>
    VpcSpillOver,
    Provider,
}
