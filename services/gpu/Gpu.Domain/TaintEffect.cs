namespace Mesh.Gpu.Domain;

public enum TaintEffect
{
    NoSchedule,
    PreferNoSchedule,
    NoExecute,
}
