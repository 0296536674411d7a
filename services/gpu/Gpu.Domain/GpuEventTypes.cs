namespace Mesh.Gpu.Domain;

/// <summary>Stored event type names: explicit and versioned, never changed once stored.</summary>
public static class GpuEventTypes
{
    public static readonly IReadOnlyDictionary<Type, string> Names = new Dictionary<Type, string>
    {
        [typeof(GpuNodeRegistered)] = "gpu.node-registered.v1",
        [typeof(GpuNodeInventoryReported)] = "gpu.node-inventory-reported.v1",
        [typeof(GpuDeviceHealthChanged)] = "gpu.device-health-changed.v1",
        [typeof(GpuDevicesAssigned)] = "gpu.devices-assigned.v1",
        [typeof(GpuDevicesReleased)] = "gpu.devices-released.v1",
        [typeof(GpuNodeRemoved)] = "gpu.node-removed.v1",
        [typeof(Mesh.Contracts.Leaks.PodLeakSuspected)] = "gpu.pod-leak-suspected.v1",
        [typeof(Mesh.Contracts.Leaks.PodLeakCleared)] = "gpu.pod-leak-cleared.v1",
        [typeof(Mesh.Contracts.Leaks.PodReclaimWithheld)] = "gpu.pod-reclaim-withheld.v1",
        [typeof(GpuQuotaSet)] = "gpu.quota-set.v1",
        [typeof(GpuQuotaReserved)] = "gpu.quota-reserved.v1",
        [typeof(GpuQuotaReleased)] = "gpu.quota-released.v1",
    };

    public static string NameOf(object @event) => Names[@event.GetType()];

    public static Type? TypeOf(string name) => Names.FirstOrDefault(kv => kv.Value == name).Key;
}
