namespace Mesh.Gpu.Domain;

/// <summary>
/// One card given to a pod and what it reserves on it: an exclusive card reserves all its memory and 100% cores;
/// a slice reserves its gpumem/gpucores; a plain shared card reserves nothing (time-sharing).
/// </summary>
public sealed record AssignedDevice(int Index, string Uuid, long MemoryMiB, int Cores);
