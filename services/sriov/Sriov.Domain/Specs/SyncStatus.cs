namespace Mesh.Sriov.Domain;

/// `SriovNetworkNodeState.status.syncStatus` values (SRIOV-1).
public static class SyncStatus
{
    public const string InProgress = "InProgress";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";

    public static readonly IReadOnlyList<string> All = [InProgress, Succeeded, Failed];
}
