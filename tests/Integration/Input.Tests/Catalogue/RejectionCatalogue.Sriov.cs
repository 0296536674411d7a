using Mesh.Contracts.Sriov;
using Mesh.Sriov.Tests;
using static Mesh.Input.Tests.Rejection;

namespace Mesh.Input.Tests;

// SRIOV-*: the manual's documents (examples/sriov) with one thing wrong each; VFs over HTTP as the platform asks.
public static partial class RejectionCatalogue
{
    private const string States = ManualDocuments.Base + "/sriovnetworknodestates";
    private const string Policies = ManualDocuments.Base + "/sriovnetworknodepolicies";
    private const string Networks = ManualDocuments.Base + "/sriovnetworks";
    private const string VfAllocations = "/api/v1/vf-allocations";

    private static string Policy => ManualDocuments.Read("policy-runc-eth.yaml").With("name", "cat-x");

    private static string Network => ManualDocuments.Read("network-nics.yaml").With("name", "cat-x").With("ipam", null);

    private static string State(string name) => ManualDocuments.Read("node-state-node-10.yaml").Replace("node-10", name);

    private static AllocatePodVfs VfPod(string file = "pod-runc-nics.yaml", string uid = "cat-x") => ManualDocuments.Pod(file, uid);

    private static AllocatePodVfs WithAnnotation(this AllocatePodVfs pod, string key, string? value)
    {
        var annotations = new Dictionary<string, string>(pod.Annotations);
        if (value is null)
        {
            annotations.Remove(key);
        }
        else
        {
            annotations[key] = value;
        }
        return pod with { Annotations = annotations };
    }

    private static Rejection[] SriovRows =>
    [
        Put("COMMON-5", "Forbidden", "role", "a member writes a policy", "sriov", $"{Policies}/node-policy-10", ManualDocuments.Read("policy-runc-eth.yaml"), P1),
        Put("COMMON-5", "Forbidden", "role", "a member reports a node state", "sriov", $"{States}/cat-n", State("cat-n"), P1),
        Put("SRIOV-1", "InvalidField", "status.interfaces[].pciAddress", "a PF address not in 0000:61:00.0 form", "sriov", $"{States}/cat-n",
            State("cat-n").With("pciAddress", "71:00.0"), Who.Agent),
        Put("SRIOV-1", "InvalidField", "status.syncStatus", "syncStatus Done", "sriov", $"{States}/cat-n", State("cat-n").With("syncStatus", "Done"), Who.Agent),
        Put("SRIOV-1", "InvalidField", "status.interfaces[].linkType", "linkType FC", "sriov", $"{States}/cat-n", State("cat-n").With("linkType", "FC"), Who.Agent),
        Put("SRIOV-1", "MissingField", "status", "a node state without status", "sriov", $"{States}/cat-n",
            State("cat-n").Split("status:")[0], Who.Agent),
        Put("SRIOV-2", "InvalidField", "spec.priority", "priority 100", "sriov", $"{Policies}/cat-x", Policy.With("priority", "100")),
        Put("SRIOV-2", "InvalidField", "spec.mtu", "mtu 9001", "sriov", $"{Policies}/cat-x", Policy.Append("  mtu: 9001")),
        Put("SRIOV-2", "NumVfsExceedsTotalVfs", "spec.numVfs", "numVfs 4 on node-10's PF of 3", "sriov", $"{Policies}/cat-x", Policy.With("numVfs", "4")),
        Put("SRIOV-2", "InvalidField", "spec.numVfs", "numVfs 129 on Mellanox", "sriov", $"{Policies}/cat-x", Policy.With("numVfs", "129")),
        Put("SRIOV-2", "InvalidField", "spec.deviceType", "deviceType vfio", "sriov", $"{Policies}/cat-x", Policy.With("deviceType", "vfio")),
        Put("SRIOV-2", "InvalidField", "spec.linkType", "linkType FC", "sriov", $"{Policies}/cat-x", Policy.With("linkType", "FC")),
        Put("SRIOV-2a", "MissingField", "spec.resourceName", "no resourceName", "sriov", $"{Policies}/cat-x", Policy.With("resourceName", null)),
        Put("SRIOV-2a", "InvalidField", "spec.resourceName", "resourceName mlx.nics", "sriov", $"{Policies}/cat-x", Policy.With("resourceName", "mlx.nics")),
        Put("SRIOV-2a", "InvalidField", "spec.numVfs", "the manual's numVfs 0", "sriov", $"{Policies}/node-policy-10",
            ManualDocuments.Read("invalid/policy-numvfs-zero.yaml")),
        Put("SRIOV-2a", "RdmaWithVfioPci", "spec.isRdma", "the manual's vfio-pci with isRdma", "sriov", $"{Policies}/node-policy-10",
            ManualDocuments.Read("invalid/policy-vfio-rdma.yaml")),
        Put("SRIOV-2a", "UnknownField", "spec.prority", "the manual's misspelt priority", "sriov", $"{Policies}/node-policy-10",
            ManualDocuments.Read("invalid/policy-unknown-field.yaml")),
        Put("SRIOV-3", "InvalidField", "spec.nicSelector.vendor", "vendor 1234", "sriov", $"{Policies}/cat-x", Policy.With("vendor", "\"1234\"")),
        Put("SRIOV-3", "InvalidField", "spec.nicSelector.deviceID", "deviceID 1013 (not configured)", "sriov", $"{Policies}/cat-x",
            Policy.With("deviceID", "\"1013\"")),
        Put("SRIOV-3", "RootDevicesNeedSelector", "spec.nicSelector.rootDevices", "rootDevices alone", "sriov", $"{Policies}/cat-x",
            Policy.With("vendor", null).With("deviceID", null)),
        Put("SRIOV-3", "PfNamesRootDevicesMismatch", "spec.nicSelector.pfNames", "pfNames and rootDevices naming different PFs", "sriov", $"{Policies}/cat-x",
            Policy.With("deviceID", "\"1017\"\n    pfNames: [eth5]")),
        Put("SRIOV-6", "UnknownResourceName", "spec.resourceName", "a resourceName no policy provides", "sriov", $"{Networks}/cat-x",
            Network.With("resourceName", "nosuch")),
        Put("SRIOV-6", "InvalidField", "spec.vlan", "vlan 4096", "sriov", $"{Networks}/cat-x", Network.Append("  vlan: 4096")),
        Put("SRIOV-6", "InvalidField", "spec.vlanQoS", "vlanQoS 8", "sriov", $"{Networks}/cat-x", Network.Append("  vlanQoS: 8")),
        Put("SRIOV-6", "QuotedStringRequired", "spec.spoofChk", "the manual's unquoted spoofChk: on", "sriov", $"{Networks}/nics",
            ManualDocuments.Read("invalid/network-spoofchk-unquoted.yaml")),
        Put("SRIOV-6", "QuotedStringRequired", "spec.trust", "trust: true", "sriov", $"{Networks}/cat-x", Network.Append("  trust: true")),
        Put("SRIOV-6", "InvalidField", "spec.linkState", "linkState up", "sriov", $"{Networks}/cat-x", Network.Append("  linkState: up")),
        Put("SRIOV-6", "MinTxRateAboveMax", "spec.minTxRate", "minTxRate above maxTxRate", "sriov", $"{Networks}/cat-x",
            Network.Append("  minTxRate: 100\n  maxTxRate: 10")),
        Put("SRIOV-6", "MinTxRateUnsupported", "spec.minTxRate", "minTxRate on Intel NICs", "sriov", $"{Networks}/cat-x",
            Network.With("resourceName", "intelnics").Append("  minTxRate: 10")),
        Put("SRIOV-6", "InvalidField", "spec.ipam.range", "an ipam range that is no CIDR", "sriov", $"{Networks}/cat-x",
            ManualDocuments.Read("network-nics.yaml").With("name", "cat-x").Replace("192.168.100.0/24", "192.168.100.0/33")),
        Put("POOL-1", "CidrConflict", "spec.ipam.range", "a range inside nics' 192.168.100.0/24 on the same physical network mlxnics", "sriov", $"{Networks}/cat-x",
            ManualDocuments.Read("network-nics.yaml").With("name", "cat-x").Replace("192.168.100.0/24", "192.168.100.128/25").Replace("192.168.100.0/26", "192.168.100.128/26")
                .Replace("192.168.100.1\"", "192.168.100.129\"")),
        Delete("SRIOV-6", "PolicyInUse", "metadata.name", "delete the last policy providing mlxnics, which network nics uses", "sriov", $"{Policies}/node-policy-10"),
        Put("SRIOV-7", "AlreadyExists", "metadata.name", "an SriovIBNetwork named like the SriovNetwork nics", "sriov",
            ManualDocuments.Base + "/sriovibnetworks/nics", ManualDocuments.Read("network-ibnics.yaml").With("name", "nics").With("ipam", null)),
        Post("SRIOV-8", "NotFound", "metadata.annotations[k8s.v1.cni.cncf.io/networks]", "a network that does not exist", "sriov", VfAllocations,
            VfPod().WithAnnotation("k8s.v1.cni.cncf.io/networks", "eks-managed/nope")),
        Post("SRIOV-8", "ResourceNameMismatch", "spec.containers[].resources.requests", "a request for another resource", "sriov", VfAllocations,
            VfPod() with { Requests = new Dictionary<string, int> { ["ecnf.io/other"] = 1 } }),
        Post("SRIOV-8", "NetworkNamespaceMismatch", "metadata.namespace", "a pod of namespace default", "sriov", VfAllocations,
            VfPod() with { PodNamespace = "default" }),
        Post("SRIOV-9", "RuntimeDeviceMismatch", "spec.runtimeClassName", "the manual's rune pod on netdevice VFs", "sriov", VfAllocations,
            VfPod("pod-rune-nics.yaml")),
        Post("SRIOV-9", "KataSriovAnnotationRequired", "metadata.annotations[io.katacontainers.config.runtime.enable_sriov]", "rune without the annotation",
            "sriov", VfAllocations, VfPod("pod-rune-nics.yaml").WithAnnotation("io.katacontainers.config.runtime.enable_sriov", null)),
        Post("SRIOV-9", "UnsupportedRuntime", "spec.runtimeClassName", "runtimeClassName gvisor", "sriov", VfAllocations,
            VfPod() with { RuntimeClassName = "gvisor" }),
        Post("SRIOV-10", "insufficient ecnf.io/mlxnics", "spec.containers[].resources.requests[ecnf.io/mlxnics]", "3 VFs when 2 are free", "sriov",
            VfAllocations, VfPod() with { Requests = new Dictionary<string, int> { ["ecnf.io/mlxnics"] = 3 } }),
        Post("SRIOV-5", "insufficient ecnf.io/inprog", "spec.containers[].resources.requests[ecnf.io/inprog]", "a VF of node-12 while its policy is applied",
            "sriov", VfAllocations, VfPod() with
            {
                Node = "node-12",
                Requests = new Dictionary<string, int> { ["ecnf.io/inprog"] = 1 },
                Annotations = new Dictionary<string, string> { ["k8s.v1.cni.cncf.io/networks"] = "eks-managed/cat-inprog" },
            }),
        Post("COMMON-2", "PodAlreadyHasVfs", "metadata.uid", "cat-vf-1 again with another request", "sriov", VfAllocations,
            VfPod(uid: "cat-vf-1") with { Requests = new Dictionary<string, int> { ["ecnf.io/mlxnics"] = 2 } }),
        Post("COMMON-5", "Forbidden", "project", "p2 allocates VFs for p1", "sriov", VfAllocations, VfPod(), Who.Member("p2")),
    ];
}
