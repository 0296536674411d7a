namespace Mesh.Sriov.Domain;

/// Stored event type names. Once an event is stored its name never changes; a new shape gets a
/// new version suffix.
public static class SriovEventTypes
{
    public static readonly IReadOnlyDictionary<Type, string> Names = new Dictionary<Type, string>
    {
        [typeof(PolicyApplied)] = "sriov.policy-applied.v1",
        [typeof(PolicyDeleted)] = "sriov.policy-deleted.v1",
        [typeof(PolicyMatchedNoDevices)] = "sriov.policy-matched-no-devices.v1",
        [typeof(NetworkApplied)] = "sriov.network-applied.v1",
        [typeof(NetworkDeleted)] = "sriov.network-deleted.v1",
        [typeof(NetworkPoolDefined)] = "sriov.network-pool-defined.v1",
        [typeof(NetworkPoolClosed)] = "sriov.network-pool-closed.v1",
        [typeof(NetworkAttachmentDefinitionRendered)] = "sriov.nad-rendered.v1",
        [typeof(NetworkAttachmentDefinitionDeleted)] = "sriov.nad-deleted.v1",
        [typeof(NodeLabelsReported)] = "sriov.node-labels-reported.v1",
        [typeof(NodeStateReported)] = "sriov.node-state-reported.v1",
        [typeof(NodeConfigurationDesired)] = "sriov.node-configuration-desired.v1",
        [typeof(VfsAllocated)] = "sriov.vfs-allocated.v1",
        [typeof(VfsReleased)] = "sriov.vfs-released.v1",
    };

    public static string NameOf(object e) => Names[e.GetType()];
}
