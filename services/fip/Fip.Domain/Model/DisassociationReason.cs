namespace Mesh.Fip.Domain.Model;

// Why a rule went away; stored in FipDisassociated.Reason, never renamed.
public static class DisassociationReason
{
    public const string Requested = nameof(Requested);
    public const string TargetReleased = nameof(TargetReleased);
    public const string FipReleased = nameof(FipReleased);
}
