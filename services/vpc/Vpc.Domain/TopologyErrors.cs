using Mesh.Contracts;

namespace Mesh.Vpc.Domain;

// Refusals shared by several rules, and the SubnetInUse answer the host gives when IPAM aborts
// a deletion (SUB-9).
public static class TopologyErrors
{
    public static MeshError Invalid(string field, string? value, string message, string? remedy = null) =>
        new(ErrorCodes.InvalidField, message, ErrorKind.Invalid, field, value, remedy);

    public static MeshError Missing(string field, string message) =>
        new(ErrorCodes.MissingField, message, ErrorKind.Invalid, field, null);

    public static MeshError InvalidCidr(string field, string? value, string message) =>
        new(VpcErrorCodes.InvalidCidr, $"{field}: {message}", ErrorKind.Invalid, field, value,
            "write the network address with its host bits zero, e.g. 10.0.0.0/24");

    public static MeshError Immutable(string field, string stored, string? requested) =>
        new(ErrorCodes.ImmutableField, $"{field} cannot change after creation (stored '{stored}', requested '{requested}')",
            ErrorKind.Invalid, field, requested, "delete the resource and create it again with the new value");

    /// <summary>A VPC that does not exist; with the names that do, the refusal names the nearest ("did you mean test-vpc2?").</summary>
    public static MeshError VpcNotFound(string field, string name, IEnumerable<string>? known = null) =>
        Spelling.Nearest(name, known ?? []) is { } nearest
            ? new(VpcErrorCodes.VpcNotFound, $"{field}: VPC '{name}' does not exist; did you mean {nearest}?", ErrorKind.NotFound, field, name,
                $"write {field}: {nearest}, or create VPC '{name}' first")
            : new(VpcErrorCodes.VpcNotFound, $"{field}: VPC '{name}' does not exist", ErrorKind.NotFound, field, name,
                "create the VPC first");

    public static MeshError SubnetNotFound(string field, string name, IEnumerable<string>? known = null) =>
        Spelling.Nearest(name, known ?? []) is { } nearest
            ? new(VpcErrorCodes.SubnetNotFound, $"{field}: subnet '{name}' does not exist; did you mean {nearest}?", ErrorKind.NotFound, field, name,
                $"write {field}: {nearest}, or create subnet '{name}' first")
            : new(VpcErrorCodes.SubnetNotFound, $"{field}: subnet '{name}' does not exist", ErrorKind.NotFound, field, name);

    public static MeshError SubnetBeingDeleted(string name) =>
        new(VpcErrorCodes.SubnetBeingDeleted, $"subnet '{name}' is being deleted and accepts no changes", ErrorKind.Conflict,
            "metadata.name", name, "wait for the deletion to finish or fail");

    public static MeshError SubnetBeingChanged(string name, Guid saga) =>
        new(VpcErrorCodes.SubnetBeingChanged, $"subnet '{name}' has a change waiting for the IPAM service's agreement (saga {saga}) and accepts no other change until it is applied or refused",
            ErrorKind.Conflict, "metadata.name", name, "retry when the subnet's status no longer shows ChangePending");

    public static MeshError Protected(string kind, string name) =>
        new(VpcErrorCodes.ProtectedResource, $"{kind} '{name}' is the cluster default and cannot be deleted (VPC-1); it may be reconfigured",
            ErrorKind.Conflict, "metadata.name", name);

    public static MeshError SubnetInUse(string name, double allocated, IReadOnlyList<string> holders)
    {
        var few = holders.Count == 0 ? "" : $" (held by {string.Join(", ", holders.Take(5))}{(holders.Count > 5 ? ", ..." : "")})";
        return new MeshError(VpcErrorCodes.SubnetInUse, $"subnet '{name}' still has {allocated} allocated addresses{few}",
            ErrorKind.Conflict, "metadata.name", name, "delete the pods using the subnet, then delete it again");
    }
}
