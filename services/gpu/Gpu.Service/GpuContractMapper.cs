using Mesh.EventSourcing;
using Mesh.Gpu.Domain;
using Mesh.Gpu.Service.Handlers;
using Mesh.Messaging;
using Bus = Mesh.Contracts.Gpu;

namespace Mesh.Gpu.Service;

/// <summary>Stored node events into node-scoped contracts (routing key node.&lt;name&gt;); quota events concern nobody else.</summary>
public sealed class GpuContractMapper : IEventContractMapper
{
    public IEnumerable<object> Map(RecordedEvent recorded)
    {
        object? contract = recorded.Data switch
        {
            GpuDevicesAssigned a => new Bus.PodGpusAssigned(a.Node, a.PodUid, a.Namespace, a.PodName, a.Project, a.Resource,
                a.Exclusive, AssignmentTranslation.Grants(a.Devices), AssignmentTranslation.Env(a)),
            GpuDevicesReleased r => new Bus.PodGpusReleased(r.Node, r.PodUid, AssignmentTranslation.Grants(r.Devices), r.Reason),
            GpuDeviceHealthChanged h => new Bus.GpuDeviceHealthChanged(h.Node, h.Index, h.Uuid, h.Healthy, h.Reason, h.AffectedPods),
            GpuNodeRegistered r => new Bus.GpuNodeInventoryChanged(r.Node, r.Arch,
                r.Devices.Select(InventoryTranslation.ToContract).ToList(), []),
            GpuNodeInventoryReported r => new Bus.GpuNodeInventoryChanged(r.Node, r.Arch,
                r.Devices.Select(InventoryTranslation.ToContract).ToList(), r.AffectedPods),
            _ => null,
        };
        return contract is null ? [] : [contract];
    }
}
