namespace Mesh.Contracts;

/// <summary>Error codes shared by every service (DOMAIN.md COMMON-3). Services add their own.</summary>
public static class ErrorCodes
{
    public const string InvalidName = "InvalidName";
    public const string InvalidField = "InvalidField";
    public const string UnknownField = "UnknownField";
    public const string MissingField = "MissingField";
    public const string Malformed = "MalformedDocument";
    public const string NotFound = "NotFound";
    public const string AlreadyExists = "AlreadyExists";
    public const string ImmutableField = "ImmutableField";
    public const string QuotaExceeded = "QuotaExceeded";
    public const string Forbidden = "Forbidden";
    public const string Unauthenticated = "Unauthenticated";
    public const string VersionConflict = "VersionConflict";

    /// <summary>POOL-1: two pools of one routing domain, or two interfaces of one pod, would overlap.</summary>
    public const string CidrConflict = "CidrConflict";
}
