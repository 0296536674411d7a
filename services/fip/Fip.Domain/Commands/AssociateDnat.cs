using Mesh.Fip.Domain.Model;

namespace Mesh.Fip.Domain.Commands;

// FIP-3 dnat (`OvnDnatRule`): fip:externalPort/protocol -> internalIp:internalPort.
public sealed record AssociateDnat(
    string RuleId,
    string Fip,
    string Project,
    string Protocol,
    int ExternalPort,
    string InternalIp,
    int InternalPort,
    AllocatedTarget? Target,
    bool Admin = false);
