using Mesh.Contracts;

namespace Mesh.Gpu.Domain;

/// <summary>Every refusal of the GPU service (COMMON-3): stable code, the field and value, the seeds' remedy.</summary>
public static class GpuErrors
{
    public const string RuntimeNotSupportedCode = "RuntimeNotSupported";
    public const string WorkloadKindNotSupportedCode = "WorkloadKindNotSupported";
    public const string ArchNotSupportedCode = "ArchNotSupported";
    public const string TaintNotToleratedCode = "TaintNotTolerated";
    public const string NodeNotFoundCode = "NodeNotFound";
    public const string DeviceNotFoundCode = "DeviceNotFound";
    public const string DeviceUnhealthyCode = "DeviceUnhealthy";
    public const string InvalidRequestCode = "InvalidRequest";
    public const string PlacementConflictCode = "PlacementConflict";
    public const string PodAlreadyAssignedCode = "PodAlreadyAssigned";
    public const string UnschedulableCode = "Unschedulable";
    public const string QuotaExceededCode = ErrorCodes.QuotaExceeded;

    private const string TolerationRemedy =
        "add the toleration {key: accelerator, operator: Equal, value: \"true\", effect: NoSchedule} to the pod";

    public static MeshError InvalidRequest(string field, string? value, string why) =>
        new(InvalidRequestCode, $"{field} '{value ?? "<unset>"}' is invalid: {why}", ErrorKind.Invalid, field, value);

    public static MeshError RuntimeNotSupported(string? runtime) =>
        new(RuntimeNotSupportedCode,
            $"runtimeClassName '{runtime ?? "<unset>"}' cannot use GPUs: only the secure runtime (rune) supports GPUs, runc has no GPU support",
            ErrorKind.Invalid, "runtimeClassName", runtime, "set runtimeClassName: rune");

    public static MeshError WorkloadKindNotSupported(string kind) =>
        new(WorkloadKindNotSupportedCode, $"workloadKind '{kind}' cannot use GPUs (DaemonSet and CronJob workloads do not support GPUs)",
            ErrorKind.Invalid, "workloadKind", kind, "run the GPU workload as a Deployment, StatefulSet or Job");

    public static MeshError ArchNotSupported(string node, string arch) =>
        new(ArchNotSupportedCode, $"node '{node}' has arch '{arch}': containers on Arm nodes cannot use GPUs",
            ErrorKind.Invalid, "arch", arch, "place GPU pods on amd64 nodes");

    public static MeshError TaintNotTolerated(string node, Taint taint) =>
        new(TaintNotToleratedCode, $"node '{node}' had untolerated taint {{{taint.Key}: {taint.Value}}} ({taint})",
            ErrorKind.Invalid, "tolerations", taint.ToString(), taint.Key == GpuResources.AcceleratorTaint.Key ? TolerationRemedy : $"tolerate {taint}");

    public static MeshError NodeNotFound(string node) =>
        new(NodeNotFoundCode, $"node '{node}' has not registered a GPU inventory", ErrorKind.NotFound, "node", node,
            "check that the GPU solution package is configured and the node agent reports the node");

    public static MeshError DeviceNotFound(string node, int index) =>
        new(DeviceNotFoundCode, $"node '{node}' has no GPU with index {index}", ErrorKind.NotFound, "index", index.ToString(),
            "list the node's GPU inventory and name an existing card");

    public static MeshError DeviceUnhealthy(string node, int index, string uuid) =>
        new(DeviceUnhealthyCode, $"GPU {index} ({uuid}) on node '{node}' is unhealthy and is never assigned",
            ErrorKind.Conflict, "index", index.ToString(), "pick another card, or repair the card (check nvidia-smi on the node)");

    public static MeshError PlacementConflict(string node, IReadOnlyList<int> devices, string why) =>
        new(PlacementConflictCode, $"placement on node '{node}' devices [{string.Join(",", devices)}] no longer fits: {why}",
            ErrorKind.Conflict, "devices", string.Join(",", devices), "schedule the pod again against the current node state");

    public static MeshError PodAlreadyAssigned(string uid, string node) =>
        new(PodAlreadyAssignedCode, $"pod uid '{uid}' already holds GPUs on node '{node}' for a different request",
            ErrorKind.Conflict, "metadata.uid", uid, "release the pod's GPUs first, or resend the original request");

    public static MeshError QuotaExceeded(string project, string resource, long requested, long used, long limit) =>
        new(QuotaExceededCode,
            $"project '{project}' quota for {resource} exceeded: requested {requested}, used {used}, limit {limit}",
            ErrorKind.Exhausted, $"resources.requests[{resource}]", requested.ToString(),
            "release GPU pods in the project, or ask the cloud administrator to raise the project's GPU quota");

    /// <summary>
    /// The kube-scheduler message (GPU-9, COMMON-3): <c>0/9 nodes are available: 9 insufficient nvidia.com/gpu.</c>
    /// The code is <c>insufficient &lt;resource&gt;</c> as soon as any node lacked capacity, which is what users search for.
    /// </summary>
    public static MeshError Unschedulable(string resource, int nodes, IReadOnlyList<string> reasons)
    {
        var message = UnschedulableMessage.Format(nodes, reasons);
        var insufficient = reasons.Any(r => r.StartsWith("insufficient ", StringComparison.Ordinal));
        var remedies = new List<string>();
        if (reasons.Any(r => r.Contains("untolerated taint", StringComparison.Ordinal)))
        {
            remedies.Add(TolerationRemedy);
        }
        if (reasons.Any(r => r.Contains("node affinity/selector", StringComparison.Ordinal)))
        {
            remedies.Add("GPU pods run only on amd64 nodes whose labels match the pod's nodeSelector");
        }
        if (insufficient || nodes == 0)
        {
            remedies.Add($"release GPU pods or add GPU nodes; check that nodes carry the {resource} resource (label accelerator=..., driver log /opt/cloud/cce/nvidia/nvidia_installer.log)");
        }
        return new MeshError(insufficient || nodes == 0 ? GpuResources.Insufficient(resource) : UnschedulableCode, message,
            ErrorKind.Exhausted, $"resources.requests[{resource}]", null, string.Join("; ", remedies));
    }
}
