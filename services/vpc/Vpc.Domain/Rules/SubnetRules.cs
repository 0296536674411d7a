using Mesh.Addressing;
using Mesh.Contracts;

namespace Mesh.Vpc.Domain.Rules;

// SUB-1..8 and VPC-3 for ApplySubnet (create or update, apply semantics).
internal static class SubnetRules
{
    public static Decision Apply(Topology state, ApplySubnet c, TopologySettings settings)
    {
        if (DnsName.Check(c.Name) is { } nameError)
        {
            return nameError;
        }
        var spec = c.Spec;
        var existing = state.Subnets.GetValueOrDefault(c.Name);
        if (existing is { Deleting: true })
        {
            return TopologyErrors.SubnetBeingDeleted(c.Name);
        }
        var stored = existing?.Definition;
        if (!string.IsNullOrWhiteSpace(spec.Vlan))
        {
            return new MeshError(VpcErrorCodes.UnderlayNotSupported,
                $"spec.vlan '{spec.Vlan}': underlay (VLAN) subnets are not supported on this platform; cross-node traffic uses the geneve tunnel only",
                ErrorKind.Invalid, "spec.vlan", spec.Vlan, "remove spec.vlan to create an overlay subnet");
        }
        var vpc = Blank(spec.Vpc) ?? stored?.Vpc ?? settings.DefaultVpc;
        var provider = Blank(spec.Provider) ?? stored?.Provider ?? "ovn";
        var cidrText = Blank(spec.CidrBlock) ?? stored?.CidrBlock;
        if (cidrText is null)
        {
            return TopologyErrors.Missing("spec.cidrBlock", "spec.cidrBlock is required (e.g. 192.168.100.0/24, or \"v4cidr,v6cidr\" for dual stack)");
        }
        if (!DualStack.TryParseCidrBlock(cidrText, out var prefixes, out var cidrError))
        {
            return TopologyErrors.InvalidCidr("spec.cidrBlock", cidrText, cidrError);
        }
        if (prefixes.Where(p => p.HostBits == 0).ToArray() is [var single, ..])
        {
            return TopologyErrors.InvalidCidr("spec.cidrBlock", cidrText, $"{single} holds a single address; a subnet needs room for a gateway and pods");
        }
        var cidrBlock = DualStack.Join(prefixes);
        var protocol = DualStack.ProtocolOf(prefixes);
        if (Blank(spec.Protocol) is { } requestedProtocol && !requestedProtocol.Equals(protocol, StringComparison.OrdinalIgnoreCase))
        {
            return TopologyErrors.Invalid("spec.protocol", spec.Protocol, $"spec.protocol '{spec.Protocol}' does not match cidrBlock {cidrBlock} ({protocol})");
        }
        if (CheckProvider(provider) is { } providerError)
        {
            return providerError;
        }
        if (stored is not null)
        {
            if (stored.Vpc != vpc)
            {
                return TopologyErrors.Immutable("spec.vpc", stored.Vpc, vpc);
            }
            if (stored.CidrBlock != cidrBlock)
            {
                return TopologyErrors.Immutable("spec.cidrBlock", stored.CidrBlock, cidrBlock);
            }
            if (stored.Provider != provider)
            {
                return TopologyErrors.Immutable("spec.provider", stored.Provider, provider);
            }
        }
        if (!state.Vpcs.TryGetValue(vpc, out var vpcSpec))
        {
            return TopologyErrors.VpcNotFound("spec.vpc", vpc, state.Vpcs.Keys);
        }
        if (SubnetAddressing.Gateway(prefixes, Blank(spec.Gateway) ?? stored?.Gateway, out var gateways) is { } gatewayError)
        {
            return gatewayError;
        }
        var gateway = DualStack.Join(gateways);
        if (stored is not null && stored.Gateway != gateway && existing!.Usage.UsingIPs > 0)
        {
            return new MeshError(VpcErrorCodes.SubnetInUse,
                $"spec.gateway cannot change from {stored.Gateway} to {gateway} while subnet '{c.Name}' has {existing.Usage.UsingIPs} allocated addresses",
                ErrorKind.Conflict, "spec.gateway", gateway, "release the subnet's addresses first, or keep the gateway");
        }
        if (SubnetAddressing.ExcludeIps(prefixes, gateways, spec.ExcludeIps ?? stored?.ExcludeIps, out var excludeIps) is { } excludeError)
        {
            return excludeError;
        }
        if (Names.CheckLabels(spec.Namespaces ?? stored?.Namespaces, "spec.namespaces", out var namespaces) is { } nsError)
        {
            return nsError;
        }
        var allowSubnets = new List<string>();
        foreach (var allowed in spec.AllowSubnets ?? stored?.AllowSubnets ?? [])
        {
            if (!IpPrefix.TryParse(allowed, out var prefix, out var allowError))
            {
                return TopologyErrors.InvalidCidr("spec.allowSubnets", allowed, allowError);
            }
            allowSubnets.Add(prefix.ToString());
        }
        if (stored is null && OverlapRules.Check(state, c.Name, vpc, prefixes, settings) is { } overlapError)
        {
            return overlapError;
        }
        var projectIDs = (spec.ProjectIDs ?? stored?.ProjectIDs ?? []).Select(p => p?.Trim() ?? "").ToArray();
        if (projectIDs.Any(string.IsNullOrEmpty))
        {
            return TopologyErrors.Invalid("spec.projectIDs", "", "spec.projectIDs must not contain empty entries (leave the list empty for a shared subnet)");
        }
        var isDefault = spec.Default ?? stored?.Default ?? false;
        // IPAM-6a: one default subnet per VPC (the default VPC's is its configured default subnet).
        if (isDefault && vpc == settings.DefaultVpc && c.Name != settings.DefaultSubnet)
        {
            return new MeshError(ErrorCodes.AlreadyExists, $"spec.default: subnet '{settings.DefaultSubnet}' is the default subnet of VPC '{vpc}' (VPC-1)",
                ErrorKind.Conflict, "spec.default", "true", $"bind the subnet to namespaces (spec.namespaces) instead, or use it in a custom VPC");
        }
        if (isDefault && state.SubnetsOf(vpc).Where(n => n != c.Name).Select(n => state.Subnets[n].Definition).FirstOrDefault(d => d.Default) is { } other)
        {
            return new MeshError(ErrorCodes.AlreadyExists, $"spec.default: subnet '{other.Name}' is already the default subnet of VPC '{vpc}'",
                ErrorKind.Conflict, "spec.default", "true", $"set spec.default: false on subnet '{other.Name}' first, or leave it out here");
        }
        var definition = new SubnetDefinition(c.Name, vpc, cidrBlock, gateway, excludeIps,
            spec.NatOutgoing ?? stored?.NatOutgoing ?? false, projectIDs.Distinct().ToArray(), namespaces, provider,
            spec.Private ?? stored?.Private ?? false, allowSubnets.Distinct().ToArray(), protocol, isDefault);
        if (existing?.PendingChange is { } pending)
        {
            return pending.Subnet == definition ? Decision.Nothing : TopologyErrors.SubnetBeingChanged(c.Name, pending.SagaId);
        }
        if (stored == definition)
        {
            return Decision.Nothing;
        }
        if (stored is not null && NeedsAgreement(stored, definition))
        {
            return Decision.Accept(new SubnetChangeRequested(definition, c.ChangeSaga != default ? c.ChangeSaga : DerivedSaga(c.Name, state.Version)));
        }
        return Decision.Accept(Committed(state, stored, definition, settings));
    }

    // POOL-2: what the IPAM service applies to the pool too; a change of any of them is agreed with it first.
    private static bool NeedsAgreement(SubnetDefinition stored, SubnetDefinition next) =>
        stored.Gateway != next.Gateway || !stored.ExcludeIps.SequenceEqual(next.ExcludeIps)
        || !stored.ProjectIDs.SequenceEqual(next.ProjectIDs) || !stored.Namespaces.SequenceEqual(next.Namespaces);

    // Deterministic, so that deciding twice on one state gives one saga (the API passes a fresh one).
    private static Guid DerivedSaga(string subnet, long version) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"subnet-change/{subnet}/{version}")));

    // The events that put a definition in force: created or updated, and the VPC-3 warning.
    internal static List<object> Committed(Topology state, SubnetDefinition? stored, SubnetDefinition definition, TopologySettings settings)
    {
        var events = new List<object> { stored is null ? new SubnetCreated(definition) : new SubnetUpdated(definition) };
        var vpc = definition.Vpc;
        if (definition.NatOutgoing && stored?.NatOutgoing != true && state.Vpcs.TryGetValue(vpc, out var vpcSpec) && !HasEgress(state, vpc, vpcSpec, settings))
        {
            events.Add(new SubnetWithoutEgress(definition.Name, vpc,
                $"subnet '{definition.Name}' has natOutgoing: true but VPC '{vpc}' has no externalGatewayIp and no NAT gateway; " +
                $"its pods reach the outside only if SNAT is enabled on the router gateway{(vpcSpec.NeutronRouter is { } r ? $" of router {r}" : "")}"));
        }
        return events;
    }

    // VPC-3: the default VPC's egress is the platform's router, configured outside this service.
    private static bool HasEgress(Topology state, string vpc, VpcSpec spec, TopologySettings settings) =>
        vpc == settings.DefaultVpc || spec.ExternalGatewayIp is not null || state.NatGatewayOf(vpc) is not null;

    // "ovn", "<nad>.<namespace>.ovn" (secondary OVN network) or "<nad>.<namespace>" (IPAM only).
    private static MeshError? CheckProvider(string provider)
    {
        if (provider == "ovn")
        {
            return null;
        }
        var parts = provider.Split('.');
        var valid = (parts.Length == 2 || (parts.Length == 3 && parts[2] == "ovn"))
            && DnsName.Check(parts[0]) is null && DnsName.Check(parts[1]) is null;
        return valid ? null : TopologyErrors.Invalid("spec.provider", provider,
            $"spec.provider '{provider}' must be ovn or <nad>.<namespace>.ovn (e.g. kube-ovn-vpc-network.default.ovn)");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
