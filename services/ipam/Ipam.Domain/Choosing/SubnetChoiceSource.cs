namespace Mesh.Ipam.Domain.Choosing;

public enum SubnetChoiceSource
{
    Annotation,
    Namespace,
    VpcDefault,
    Provider,
}
