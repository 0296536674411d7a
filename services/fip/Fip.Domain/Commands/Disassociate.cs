namespace Mesh.Fip.Domain.Commands;

// Remove one rule by id; removing an unknown or removed rule is not an error.
public sealed record Disassociate(string RuleId, string Project, bool Admin = false);
