namespace Mesh.Contracts;

/// <summary>
/// The answer to a request/response command that was refused: the same code, message, field, value
/// and remedy an HTTP caller gets as problem details.
/// </summary>
public sealed record Rejected(string Code, string Message, string Kind, string? Field, string? Value, string? Remedy, int Status)
{
    /// <summary>The bus form of <paramref name="error"/>.</summary>
    public static Rejected From(MeshError error) =>
        new(error.Code, error.Message, error.Kind.ToString(), error.Field, error.Value, error.Remedy, error.Status);

    /// <summary>Back to the error.</summary>
    public MeshError ToError() =>
        new(Code, Message, Enum.TryParse<ErrorKind>(Kind, out var kind) ? kind : ErrorKind.Invalid, Field, Value, Remedy);
}
