namespace Mesh.Contracts.Sriov;

// SRIOV-4, SRIOV-5: what a node agent must apply. Published with routing key node.<name>.

/// <summary>The configuration one PF must have (the winning policy's, lowest priority number first).</summary>
public sealed record SriovPfConfiguration(
    string PciAddress,
    string PfName,
    string Vendor,
    string DeviceID,
    string ResourceName,
    int NumVfs,
    int? Mtu,
    string DeviceType,
    bool IsRdma,
    string? LinkType,
    string Policy,
    int Priority);

/// <summary>A pod holding VFs on a PF about to be reconfigured: move these pods, not the whole node.</summary>
public sealed record SriovPodOnReconfiguredPf(string PodUid, string Namespace, string Name, IReadOnlyList<string> Vfs);

/// <summary>
/// The whole desired SR-IOV configuration of a node (a PF not listed is unmanaged: numVfs 0). The node
/// is <c>InProgress</c> and gets no allocations on <paramref name="AffectedPfs"/> until its agent reports
/// <c>syncStatus: Succeeded</c>; applying it may restart the node (<paramref name="Warning"/>).
/// </summary>
public sealed record SriovNodeConfigurationDesired(
    string Node,
    IReadOnlyList<SriovPfConfiguration> Pfs,
    IReadOnlyList<string> AffectedPfs,
    IReadOnlyList<SriovPodOnReconfiguredPf> AffectedPods,
    string Warning) : INodeScoped
{
    /// <summary>The configuration's place in the SR-IOV service's log: an agent applies only one newer than the last it applied.</summary>
    public long Generation { get; init; }

    /// <summary>SRIOV-5a: the node's configuration generation (1, 2, ...): the agent reports it back as <c>status.observedGeneration</c> once applied.</summary>
    public long ConfigurationGeneration { get; init; }
}

/// <summary>SRIOV-4: a policy selected no reported PF and changed nothing. <c>Node</c> is null when no node matched.</summary>
public sealed record SriovPolicyMatchedNoDevices(string Policy, string? Node, string Reason);
