namespace Mesh.Contracts;

/// <summary>
/// A refusal a user can cause (DOMAIN.md COMMON-3): a stable machine <see cref="Code"/>, a message
/// that names the offending field and value, and the remedy where one exists.
/// </summary>
public sealed record MeshError(
    string Code,
    string Message,
    ErrorKind Kind = ErrorKind.Invalid,
    string? Field = null,
    string? Value = null,
    string? Remedy = null)
{
    /// <summary>The HTTP status this refusal maps to.</summary>
    public int Status => Kind switch
    {
        ErrorKind.Invalid => 422,
        ErrorKind.Malformed => 400,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.Forbidden => 403,
        ErrorKind.Unauthenticated => 401,
        ErrorKind.Exhausted => 409,
        ErrorKind.PreconditionFailed => 412,
        _ => 400,
    };

    public override string ToString() => $"{Code}: {Message}";
}
