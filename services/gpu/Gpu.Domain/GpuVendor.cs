namespace Mesh.Gpu.Domain;

public enum GpuVendor
{
    Nvidia,
    Kunlun,
}
