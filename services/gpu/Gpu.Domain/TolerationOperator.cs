namespace Mesh.Gpu.Domain;

public enum TolerationOperator
{
    Equal,
    Exists,
}
