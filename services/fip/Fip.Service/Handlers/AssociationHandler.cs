using Mesh.Contracts;
using Mesh.Contracts.Fip;
using Mesh.Fip.Domain.Errors;
using Mesh.Fip.Domain.Model;
using Mesh.Fip.Service.Projections;
using Mesh.Fip.Service.World;
using Mesh.Fip.Service.Writing;
using Mesh.Hosting;
using D = Mesh.Fip.Domain.Commands;

namespace Mesh.Fip.Service.Handlers;

// FIP-3/4/5: eip (OvnFip), snat (OvnSnatRule) and dnat (OvnDnatRule) associations and their removal.
public sealed class AssociationHandler(FipWriter writer, Catalog catalog, TargetResolver resolver, WorldModel world)
{
    public async Task<FipRule> AssociateAsync(Caller caller, AssociateFip c)
    {
        if (!caller.CanActOn(c.Project))
        {
            throw new MeshException(FipErrors.Forbidden(c.Name, c.Project, caller.Project));
        }
        if (DnsName.Check(c.Name) is { } badName)
        {
            throw new MeshException(badName);
        }
        if (string.IsNullOrWhiteSpace(c.OvnEip))
        {
            throw new MeshException(TargetResolver.Missing("ovnEip", "the name of the OvnEip (floating IP) to use"));
        }
        var fip = await catalog.FipAsync(c.OvnEip.Trim()) ?? throw new MeshException(FipErrors.FipNotFound(c.OvnEip));
        if (await catalog.RuleAsync(c.Name) is { } other && (other.ExternalNetworkId != fip.ExternalNetworkId || Kind(other.Rule) != c.Kind))
        {
            throw new MeshException(FipErrors.RuleAlreadyExists(c.Name, other.Rule.Describe()));
        }
        var project = caller.Admin ? fip.Project : c.Project;
        AllocatedTarget? target = null;
        object command;
        switch (c.Kind)
        {
            case "eip":
                (var ip, target) = await resolver.AddressAsync(c.V4Ip, c.IpName, "v4Ip", fip.ExternalNetworkId);
                command = new D.AssociateEip(c.Name, fip.Name, project, ip, target, caller.Admin);
                break;
            case "dnat":
                (ip, target) = await resolver.AddressAsync(c.V4Ip, c.IpName, "v4Ip", fip.ExternalNetworkId);
                command = new D.AssociateDnat(c.Name, fip.Name, project, c.Protocol ?? "",
                    c.ExternalPort ?? throw new MeshException(TargetResolver.Missing("externalPort", "the port on the floating IP")), ip,
                    c.InternalPort ?? throw new MeshException(TargetResolver.Missing("internalPort", "the port on the internal address")),
                    target, caller.Admin);
                break;
            case "snat":
                command = await SnatAsync(c, fip.Name, fip.ExternalNetworkId, project, caller.Admin, t => target = t);
                break;
            default:
                throw new MeshException(new MeshError(ErrorCodes.InvalidField, $"kind '{c.Kind}' is not a FIP association (eip, snat or dnat)",
                    ErrorKind.Invalid, "kind", c.Kind, "use eip (OvnFip), snat (OvnSnatRule) or dnat (OvnDnatRule)"));
        }
        CheckVpc(c.Vpc, target?.Vpc);
        var outcome = await writer.SubmitAsync(fip.ExternalNetworkId, command, caller.Metadata($"Associate{Title(c.Kind)}"));
        var rule = outcome.Rule ?? throw new MeshException(FipErrors.FipNotFound(c.Name));
        await RecheckAsync(rule, fip.ExternalNetworkId, caller);
        return View(rule);
    }

    public async Task<DisassociationResult> DisassociateAsync(Caller caller, DisassociateFip c, string reason = DisassociationReason.Requested)
    {
        var rule = await catalog.RuleAsync(c.Name);
        if (rule is null)
        {
            return new DisassociationResult(c.Name, false);
        }
        if (!caller.CanActOn(c.Project))
        {
            throw new MeshException(FipErrors.Forbidden(c.Name, rule.Rule.Project, caller.Project));
        }
        var command = new D.Disassociate(c.Name, caller.Admin ? rule.Rule.Project : c.Project, caller.Admin);
        var outcome = await writer.SubmitAsync(rule.ExternalNetworkId, command, caller.Metadata(nameof(DisassociateFip), reason));
        return new DisassociationResult(c.Name, outcome.RemovedRules.Count > 0);
    }

    private async Task<object> SnatAsync(AssociateFip c, string fip, string externalNetworkId, string project, bool admin, Action<AllocatedTarget?> found)
    {
        var source = c.V4IpCidr?.Trim();
        if (!string.IsNullOrWhiteSpace(c.VpcSubnet) || source?.Contains('/') == true)
        {
            var (cidr, subnet) = await resolver.SubnetAsync(c.VpcSubnet, source);
            CheckVpc(c.Vpc, subnet?.Vpc);
            return new D.AssociateSnat(c.Name, fip, project, cidr, null, subnet, admin);
        }
        var (ip, target) = await resolver.AddressAsync(source, c.IpName, "v4IpCidr", externalNetworkId);
        found(target);
        return new D.AssociateSnat(c.Name, fip, project, ip, target, null, admin);
    }

    // FIP-6 race: the address may have been released between resolving it and committing the rule; the
    // reclaim path either saw this rule or the release is visible now, never neither.
    private async Task RecheckAsync(NatRule rule, string externalNetworkId, Caller caller)
    {
        if (rule.InternalIp is not { } ip || rule.Owner is null || await world.AddressAsync(rule.Subnet, ip) is not { } now)
        {
            return;
        }
        if (now.Generation > rule.Generation || (now.Generation == rule.Generation && now.Released))
        {
            var released = new D.ReleaseTarget(ip, rule.Owner, Guid.NewGuid(), now.Released ? now.Generation : rule.Generation, rule.Subnet);
            await writer.SubmitAsync(externalNetworkId, released, caller.Metadata(nameof(D.ReleaseTarget), DisassociationReason.TargetReleased));
            throw new MeshException(FipErrors.TargetNotAllocated("v4Ip", ip, "IPAM released it while the rule was being created"));
        }
    }

    private static void CheckVpc(string? wanted, string? actual)
    {
        if (!string.IsNullOrWhiteSpace(wanted) && actual is not null && wanted.Trim() != actual)
        {
            throw new MeshException(new MeshError(ErrorCodes.InvalidField, $"vpc '{wanted}' differs from the target's VPC '{actual}'",
                ErrorKind.Invalid, "vpc", wanted, "omit vpc, or name the VPC of the internal address"));
        }
    }

    public static string Kind(NatRule rule) => rule.Kind.ToString().ToLowerInvariant();

    private static string Title(string kind) => char.ToUpperInvariant(kind[0]) + kind[1..];

    public static FipRule View(NatRule r) => new(r.RuleId, Kind(r), r.Fip, r.FipAddress, r.Project, r.InternalIp, r.InternalCidr,
        r.Vpc, r.Subnet, r.Protocol, r.ExternalPort, r.InternalPort, r.Scope.GatewayNode, r.Scope.NatGateway);
}
