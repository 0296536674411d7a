using Mesh.EventSourcing;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Service.Streams;

/// Every stored event type of the service, with its name that never changes.
public static class SriovTypes
{
    public static void Register(EventTypeRegistry types)
    {
        foreach (var (type, name) in SriovEventTypes.Names)
        {
            types.Register(type, name);
        }
        types.Register<PodVfsReady>("sriov.pod-vfs-ready.v1");
        types.Register<PodVfsReleased>("sriov.pod-vfs-released.v1");
        types.Register<Mesh.Contracts.Leaks.PodLeakSuspected>("sriov.pod-leak-suspected.v1");
        types.Register<Mesh.Contracts.Leaks.PodLeakCleared>("sriov.pod-leak-cleared.v1");
        types.Register<Mesh.Contracts.Leaks.PodReclaimWithheld>("sriov.pod-reclaim-withheld.v1");
    }
}
