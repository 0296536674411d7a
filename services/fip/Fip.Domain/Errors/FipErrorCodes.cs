using Mesh.Contracts;

namespace Mesh.Fip.Domain.Errors;

// Stable machine codes of the FIP service (DOMAIN.md COMMON-3). Never renamed once published.
public static class FipErrorCodes
{
    public const string QuotaExceeded = ErrorCodes.QuotaExceeded;
    public const string Forbidden = ErrorCodes.Forbidden;
    public const string ImmutableField = ErrorCodes.ImmutableField;
    public const string FipPoolExhausted = nameof(FipPoolExhausted);
    public const string FipNetworkMismatch = nameof(FipNetworkMismatch);
    public const string EipSnatConflict = nameof(EipSnatConflict);
    public const string EipAlreadyAssociated = nameof(EipAlreadyAssociated);
    public const string SnatAlreadyAssociated = nameof(SnatAlreadyAssociated);
    public const string DnatPortConflict = nameof(DnatPortConflict);
    public const string FipHasRules = nameof(FipHasRules);
    public const string FipNotFound = nameof(FipNotFound);
    public const string FipAlreadyExists = nameof(FipAlreadyExists);
    public const string PoolNotFound = nameof(PoolNotFound);
    public const string AddressNotInPool = nameof(AddressNotInPool);
    public const string AddressInUse = nameof(AddressInUse);
    public const string TargetNotAllocated = nameof(TargetNotAllocated);
    public const string RuleAlreadyExists = nameof(RuleAlreadyExists);
    public const string IdempotencyKeyReused = nameof(IdempotencyKeyReused);
    public const string InvalidIp = nameof(InvalidIp);
    public const string InvalidCidr = nameof(InvalidCidr);
    public const string InvalidRange = nameof(InvalidRange);
    public const string InvalidPort = nameof(InvalidPort);
    public const string InvalidProtocol = nameof(InvalidProtocol);
    public const string InvalidExternalNetworkId = nameof(InvalidExternalNetworkId);
}
