namespace Mesh.Gpu.Domain;

/// <summary>One card as the node agent reports it (GPU-1).</summary>
public sealed record GpuDevice(int Index, string Uuid, GpuVendor Vendor, string Model, long MemoryMiB, bool Healthy = true);
