using Mesh.Contracts;

namespace Mesh.Sriov.Domain;

/// Every refusal of the SR-IOV service (COMMON-3): code, a message naming field and value, and the
/// remedy the seed manual (section 5.1) gives where it gives one.
public static class SriovErrors
{
    private const string FromNodeState =
        "write the policy from sriovNetworkNodeState.status.interfaces (kubectl get sriovnetworknodestates -n eks-managed -o yaml)";

    public static MeshError Missing(string field, string? remedy = null) =>
        new(ErrorCodes.MissingField, $"{field} is required", ErrorKind.Invalid, field, null, remedy);

    public static MeshError Invalid(string field, string? value, string why, string? remedy = null) =>
        new(ErrorCodes.InvalidField, $"{field} '{value}' {why}", ErrorKind.Invalid, field, value, remedy);

    public static MeshError OutOfRange(string field, long value, long min, long max, string? remedy = null) =>
        Invalid(field, value.ToString(), $"is outside {min}-{max}", remedy);

    public static MeshError NotOneOf(string field, string? value, IEnumerable<string> allowed, string? remedy = null) =>
        Invalid(field, value, $"is not one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}", remedy);

    public static MeshError ResourceNameInvalid(string? value) => Invalid("spec.resourceName", value,
        "must be at most 63 characters matching ^[a-zA-Z0-9]([a-zA-Z0-9_-]*[a-zA-Z0-9])?$", "use a name such as mlxnics");

    public static MeshError MtuOutOfRange(int value) => OutOfRange("spec.mtu", value, 1, 9000,
        "give an MTU between 1 and 9000, or leave mtu out if you do not need one");

    public static MeshError NumVfsZero() => Invalid("spec.numVfs", "0", "must be at least 1",
        "give the number of VFs to create on the PF, e.g. numVfs: 3");

    public static MeshError MellanoxTooManyVfs(int value, int max) => OutOfRange("spec.numVfs", value, 1, max,
        $"for Mellanox (15b3) NICs numVfs cannot exceed {max}");

    public static MeshError NumVfsExceedsTotalVfs(string policy, string node, string pf, int numVfs, int totalvfs) =>
        new(SriovErrorCodes.NumVfsExceedsTotalVfs,
            $"spec.numVfs '{numVfs}' of policy {policy} exceeds totalvfs {totalvfs} of PF {pf} on node {node}",
            ErrorKind.Invalid, "spec.numVfs", numVfs.ToString(), $"give at most {totalvfs}; {FromNodeState}");

    public static MeshError RootDevicesNeedSelector(IReadOnlyList<string> rootDevices) =>
        new(SriovErrorCodes.RootDevicesNeedSelector,
            $"spec.nicSelector.rootDevices '{string.Join(",", rootDevices)}' needs vendor, deviceID or pfNames as well",
            ErrorKind.Invalid, "spec.nicSelector.rootDevices", string.Join(",", rootDevices),
            "when rootDevices is given, also give a value for vendor, deviceID or pfNames");

    public static MeshError PfNamesRootDevicesMismatch(string node, IReadOnlyList<string> pfNames, IReadOnlyList<string> rootDevices) =>
        new(SriovErrorCodes.PfNamesRootDevicesMismatch,
            $"spec.nicSelector.pfNames '{string.Join(",", pfNames)}' and rootDevices '{string.Join(",", rootDevices)}' name different devices on node {node}",
            ErrorKind.Invalid, "spec.nicSelector.pfNames", string.Join(",", pfNames),
            $"make pfNames and rootDevices point to the same device; {FromNodeState}");

    public static MeshError RdmaWithVfioPci() =>
        new(SriovErrorCodes.RdmaWithVfioPci, "spec.isRdma 'true' is not supported with spec.deviceType 'vfio-pci'",
            ErrorKind.Invalid, "spec.isRdma", "true", "use deviceType: netdevice for RDMA, or set isRdma: false");

    public static MeshError QuotedStringRequired(string field, string value) =>
        new(SriovErrorCodes.QuotedStringRequired, $"{field} '{value}' is a boolean; only the quoted strings \"on\" and \"off\" are allowed",
            ErrorKind.Invalid, field, value, $"quote the value ({field}: \"on\" or \"off\"), as the SR-IOV Network Operator requires");

    public static MeshError MinTxRateAboveMax(int min, int max) =>
        new(SriovErrorCodes.MinTxRateAboveMax, $"spec.minTxRate '{min}' is greater than spec.maxTxRate '{max}'",
            ErrorKind.Invalid, "spec.minTxRate", min.ToString(), "minTxRate must be less than or equal to maxTxRate");

    public static MeshError MinTxRateUnsupported(int min, string resourceName) =>
        new(SriovErrorCodes.MinTxRateUnsupported,
            $"spec.minTxRate '{min}' is not supported: resource {resourceName} is on Intel (8086) NICs",
            ErrorKind.Invalid, "spec.minTxRate", min.ToString(), "remove minTxRate; Intel NICs do not support it (BZ#1772847)");

    public static MeshError UnknownResourceName(string resourceName) =>
        new(SriovErrorCodes.UnknownResourceName, $"spec.resourceName '{resourceName}' is not the resourceName of any SriovNetworkNodePolicy",
            ErrorKind.Invalid, "spec.resourceName", resourceName,
            "use the spec.resourceName of an existing SriovNetworkNodePolicy, or create that policy first");

    public static MeshError PolicyInUse(string policy, string resourceName, IEnumerable<string> networks) =>
        new(SriovErrorCodes.PolicyInUse,
            $"policy {policy} is the last one providing resourceName '{resourceName}', used by networks {string.Join(", ", networks)}",
            ErrorKind.Conflict, "metadata.name", policy, "delete those networks first, or create another policy with the same resourceName");

    public static MeshError AlreadyExists(string kind, string ns, string name) =>
        new(ErrorCodes.AlreadyExists, $"metadata.name '{name}' in namespace {ns} is already a {kind}", ErrorKind.Conflict,
            "metadata.name", name, "network names are unique per namespace: choose another name or delete the other network");

    public static MeshError NetworkNotFound(string ns, string name) =>
        new(ErrorCodes.NotFound, $"network '{ns}/{name}' (k8s.v1.cni.cncf.io/networks) is not a SriovNetwork or SriovIBNetwork",
            ErrorKind.NotFound, "metadata.annotations[k8s.v1.cni.cncf.io/networks]", $"{ns}/{name}", "create the network, or fix the annotation");

    public static MeshError ResourceNameMismatch(string network, string expected, string? requested) =>
        new(SriovErrorCodes.ResourceNameMismatch,
            $"network {network} needs resource {expected} but the pod requests '{requested ?? "nothing"}'",
            ErrorKind.Invalid, "spec.containers[].resources.requests", requested,
            $"request {expected}: \"1\"; the pod's resources.requests/limits name must equal the policy's and the network's spec.resourceName");

    public static MeshError NetworkNamespaceMismatch(string podNamespace, string network, string networkNamespace) =>
        new(SriovErrorCodes.NetworkNamespaceMismatch,
            $"metadata.namespace '{podNamespace}' may not attach to network {network}: only pods in namespace {networkNamespace} may",
            ErrorKind.Forbidden, "metadata.namespace", podNamespace, $"run the pod in namespace {networkNamespace}, or set the network's networkNamespace");

    public static MeshError KataSriovAnnotationRequired(string? value) =>
        new(SriovErrorCodes.KataSriovAnnotationRequired,
            $"metadata.annotations[io.katacontainers.config.runtime.enable_sriov] '{value}' must be \"true\" for runtimeClassName rune",
            ErrorKind.Invalid, "metadata.annotations[io.katacontainers.config.runtime.enable_sriov]", value,
            "add the annotation io.katacontainers.config.runtime.enable_sriov: \"true\"");

    public static MeshError RuntimeDeviceMismatch(string runtime, string resource, string reason, string remedy) =>
        new(SriovErrorCodes.RuntimeDeviceMismatch, $"spec.runtimeClassName '{runtime}' cannot use {resource}: {reason}",
            ErrorKind.Invalid, "spec.runtimeClassName", runtime, remedy);

    public static MeshError UnsupportedRuntime(string runtime) =>
        new(SriovErrorCodes.UnsupportedRuntime, $"spec.runtimeClassName '{runtime}' is not runc or rune", ErrorKind.Invalid,
            "spec.runtimeClassName", runtime, "use runtimeClassName rune (secure runtime) or leave it out for runc");

    public static MeshError Insufficient(string qualified, string node, int requested, int free, int reconfiguring) =>
        new(SriovErrorCodes.Insufficient(qualified),
            $"{SriovErrorCodes.Insufficient(qualified)}: node {node} has {free} free VF(s), the pod requests {requested}"
            + (reconfiguring > 0 ? $"; {reconfiguring} more are on PFs being reconfigured (syncStatus InProgress)" : ""),
            ErrorKind.Exhausted, $"spec.containers[].resources.requests[{qualified}]", requested.ToString(),
            "release VFs held by other pods, raise numVfs in the SriovNetworkNodePolicy, or schedule the pod on another node");

    public static MeshError PodAlreadyHasVfs(string podUid) =>
        new(SriovErrorCodes.PodAlreadyHasVfs, $"metadata.uid '{podUid}' already holds VFs for a different request",
            ErrorKind.Conflict, "metadata.uid", podUid, "release the pod's VFs first");
}
