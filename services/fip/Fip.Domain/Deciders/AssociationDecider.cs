using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Fip.Domain.Commands;
using Mesh.Fip.Domain.Errors;
using Mesh.Fip.Domain.Events;
using Mesh.Fip.Domain.Model;
using Mesh.Fip.Domain.State;
using Check = Mesh.Fip.Domain.Deciders.AssociationChecks;

namespace Mesh.Fip.Domain.Deciders;

// FIP-3/4/5: eip, snat and dnat associations.
public static class AssociationDecider
{
    public static Decision Decide(FipPoolState state, AssociateEip c)
    {
        if (DnsName.Check(c.RuleId) is { } badName)
        {
            return badName;
        }
        if (Check.Address("v4Ip", c.InternalIp, out var ip) is { } badIp)
        {
            return badIp;
        }
        if (Check.Fip(state, c.Fip, c.Project, c.Admin, out var fip) is { } invalid)
        {
            return invalid;
        }
        var t = c.Target;
        var rule = Check.Rule(c.RuleId, RuleKind.Eip, fip, ip, null, t?.Subnet ?? "", t?.Vpc ?? "", t?.Owner,
            t?.Generation ?? 0, t?.Scope ?? new RuleScope(""));
        if (Check.Existing(state, rule) is { } again)
        {
            return again;
        }
        if (Check.Target(state, "v4Ip", ip, t) is { } badTarget)
        {
            return badTarget;
        }
        if (state.RulesOf(fip.Name).OrderBy(r => r.Kind != RuleKind.Eip).FirstOrDefault() is { } used)
        {
            return FipErrors.EipAlreadyAssociated("ovnEip", fip.Name, used.RuleId, used.Describe());
        }
        if (state.RulesOn(rule.Subnet, ip).FirstOrDefault(r => r.Kind == RuleKind.Eip) is { } otherEip)
        {
            return FipErrors.EipAlreadyAssociated("v4Ip", ip, otherEip.RuleId, otherEip.Describe());
        }
        if (state.Rules.FirstOrDefault(r => r.Kind == RuleKind.Snat && SameVpc(r, rule) && Covers(r, ip)) is { } snat)
        {
            return FipErrors.EipSnatConflict("v4Ip", ip, snat.RuleId, "snat");
        }
        return Decision.Accept(new FipAssociated(rule));
    }

    public static Decision Decide(FipPoolState state, AssociateSnat c)
    {
        var isCidr = c.Source.Contains('/');
        if (DnsName.Check(c.RuleId) is { } badName)
        {
            return badName;
        }
        if (Check.Fip(state, c.Fip, c.Project, c.Admin, out var fip) is { } invalid)
        {
            return invalid;
        }
        return isCidr ? SnatSubnet(state, c, fip) : SnatAddress(state, c, fip);
    }

    public static Decision Decide(FipPoolState state, AssociateDnat c)
    {
        var protocol = c.Protocol?.Trim().ToLowerInvariant();
        if (DnsName.Check(c.RuleId) is { } badName)
        {
            return badName;
        }
        if (protocol is not ("tcp" or "udp"))
        {
            return FipErrors.InvalidProtocol(c.Protocol);
        }
        if (c.ExternalPort is < 1 or > 65535)
        {
            return FipErrors.InvalidPort("externalPort", c.ExternalPort);
        }
        if (c.InternalPort is < 1 or > 65535)
        {
            return FipErrors.InvalidPort("internalPort", c.InternalPort);
        }
        if (Check.Address("v4Ip", c.InternalIp, out var ip) is { } badIp)
        {
            return badIp;
        }
        if (Check.Fip(state, c.Fip, c.Project, c.Admin, out var fip) is { } invalid)
        {
            return invalid;
        }
        var t = c.Target;
        var rule = Check.Rule(c.RuleId, RuleKind.Dnat, fip, ip, null, t?.Subnet ?? "", t?.Vpc ?? "", t?.Owner,
            t?.Generation ?? 0, t?.Scope ?? new RuleScope(""), protocol, c.ExternalPort, c.InternalPort);
        if (Check.Existing(state, rule) is { } again)
        {
            return again;
        }
        if ((Check.Target(state, "v4Ip", ip, t) ?? Check.FipHoldsEip(state, fip)) is { } refused)
        {
            return refused;
        }
        var clash = state.RulesOf(fip.Name).FirstOrDefault(r =>
            r.Kind == RuleKind.Dnat && r.Protocol == protocol && r.ExternalPort == c.ExternalPort);
        return clash is not null
            ? FipErrors.DnatPortConflict(fip.Name, protocol, c.ExternalPort, clash.RuleId)
            : Decision.Accept(new FipAssociated(rule));
    }

    private static Decision SnatAddress(FipPoolState state, AssociateSnat c, FloatingIp fip)
    {
        if (Check.Address("v4IpCidr", c.Source, out var ip) is { } badIp)
        {
            return badIp;
        }
        var t = c.Target;
        var rule = Check.Rule(c.RuleId, RuleKind.Snat, fip, ip, null, t?.Subnet ?? "", t?.Vpc ?? "", t?.Owner,
            t?.Generation ?? 0, t?.Scope ?? new RuleScope(""));
        if (Check.Existing(state, rule) is { } again)
        {
            return again;
        }
        if ((Check.Target(state, "v4IpCidr", ip, t) ?? Check.FipHoldsEip(state, fip)) is { } refused)
        {
            return refused;
        }
        if (state.RulesOn(rule.Subnet, ip).FirstOrDefault(r => r.Kind == RuleKind.Snat) is { } snat)
        {
            return FipErrors.SnatAlreadyAssociated("v4IpCidr", ip, snat.RuleId);
        }
        return state.RulesOn(rule.Subnet, ip).FirstOrDefault(r => r.Kind == RuleKind.Eip) is { } eip
            ? FipErrors.EipSnatConflict("v4IpCidr", ip, eip.RuleId, "eip")
            : Decision.Accept(new FipAssociated(rule));
    }

    private static Decision SnatSubnet(FipPoolState state, AssociateSnat c, FloatingIp fip)
    {
        if (!IpPrefix.TryParseNormalised(c.Source, out var cidr, out var hostBits) || hostBits || cidr.Family != IpFamily.V4)
        {
            return FipErrors.InvalidCidr("v4IpCidr", c.Source, hostBits ? cidr.ToString() : null);
        }
        var text = cidr.ToString();
        var s = c.Subnet;
        var rule = Check.Rule(c.RuleId, RuleKind.Snat, fip, null, text, s?.Subnet ?? "", s?.Vpc ?? "", null, 0,
            s?.Scope ?? new RuleScope(""));
        if (Check.Existing(state, rule) is { } again)
        {
            return again;
        }
        if (s is null || s.Cidr != text)
        {
            return FipErrors.TargetNotAllocated("v4IpCidr", text, "no subnet of the VPC service has this CIDR");
        }
        if ((Check.Network(state, "v4IpCidr", text, s.Vpc, s.ExternalNetworkId) ?? Check.FipHoldsEip(state, fip)) is { } refused)
        {
            return refused;
        }
        if (state.Rules.FirstOrDefault(r => r.Kind == RuleKind.Snat && r.InternalCidr == text) is { } snat)
        {
            return FipErrors.SnatAlreadyAssociated("v4IpCidr", text, snat.RuleId);
        }
        return state.Rules.FirstOrDefault(r => r.Kind == RuleKind.Eip && SameVpc(r, rule) && Check.InCidr(r.InternalIp, cidr)) is { } eip
            ? FipErrors.EipSnatConflict("v4IpCidr", text, eip.RuleId, "eip")
            : Decision.Accept(new FipAssociated(rule));
    }

    // POOL-1: an address is one target only within its VPC; the same text in another VPC (or an SR-IOV
    // range) is another address. A rule whose VPC is unknown is taken to be in every VPC.
    private static bool SameVpc(NatRule a, NatRule b) => a.Vpc.Length == 0 || b.Vpc.Length == 0 || a.Vpc == b.Vpc;

    private static bool Covers(NatRule snat, string ip) =>
        snat.InternalIp == ip
        || (IpPrefix.TryParseNormalised(snat.InternalCidr, out var cidr, out _) && Check.InCidr(ip, cidr));
}
