namespace Mesh.Sriov.Domain;

/// Codes of this service's refusals, beside the shared ones in <c>Mesh.Contracts.ErrorCodes</c>.
public static class SriovErrorCodes
{
    public const string NumVfsExceedsTotalVfs = "NumVfsExceedsTotalVfs";
    public const string RootDevicesNeedSelector = "RootDevicesNeedSelector";
    public const string PfNamesRootDevicesMismatch = "PfNamesRootDevicesMismatch";
    public const string RdmaWithVfioPci = "RdmaWithVfioPci";
    public const string QuotedStringRequired = "QuotedStringRequired";
    public const string MinTxRateAboveMax = "MinTxRateAboveMax";
    public const string MinTxRateUnsupported = "MinTxRateUnsupported";
    public const string UnknownResourceName = "UnknownResourceName";
    public const string PolicyInUse = "PolicyInUse";
    public const string ResourceNameMismatch = "ResourceNameMismatch";
    public const string NetworkNamespaceMismatch = "NetworkNamespaceMismatch";
    public const string RuntimeDeviceMismatch = "RuntimeDeviceMismatch";
    public const string KataSriovAnnotationRequired = "KataSriovAnnotationRequired";
    public const string UnsupportedRuntime = "UnsupportedRuntime";
    public const string PodAlreadyHasVfs = "PodAlreadyHasVfs";

    /// The scheduler's message shape, which users search for: `insufficient ecnf.io/mlxnics`.
    public static string Insufficient(string qualifiedResource) => $"insufficient {qualifiedResource}";
}
