using System.Text.RegularExpressions;

namespace Mesh.Contracts;

/// <summary>COMMON-1: resource names are DNS-1123 labels.</summary>
public static partial class DnsName
{
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    /// <summary>Null when <paramref name="name"/> is a valid DNS-1123 label, else the refusal.</summary>
    public static MeshError? Check(string? name, string field = "metadata.name")
    {
        if (string.IsNullOrEmpty(name))
        {
            return new MeshError(ErrorCodes.MissingField, $"{field} is required", ErrorKind.Invalid, field, name,
                "give the resource a DNS-1123 label name, e.g. net192");
        }
        if (name.Length > 63 || !Label().IsMatch(name))
        {
            return new MeshError(ErrorCodes.InvalidName,
                $"{field} '{name}' is not a DNS-1123 label (lowercase a-z, 0-9 and '-', starting and ending alphanumeric, at most 63 characters)",
                ErrorKind.Invalid, field, name, "use a lowercase name such as my-subnet-1");
        }
        return null;
    }
}
