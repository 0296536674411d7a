using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Contracts;
using Mesh.Contracts.Fip;
using Mesh.Fip.Domain.Errors;
using Mesh.Fip.Domain.Model;
using Mesh.Fip.Service.Handlers;
using Mesh.Fip.Service.Projections;
using Mesh.Hosting;
using Mesh.Hosting.Resources;

namespace Mesh.Fip.Service.Api;

// kubeovn.io/v1 OvnFip (eip), OvnSnatRule (snat), OvnDnatRule (dnat): PUT associates (FIP-3/4/5),
// DELETE disassociates. Rule names are one namespace across the three kinds (a rule is one NAT entry).
public static class OvnRuleApi
{
    private sealed record RuleKindInfo(string Kind, string Plural, string Association, string[] Fields);

    private static readonly RuleKindInfo[] Kinds =
    [
        new("OvnFip", "ovn-fips", "eip", ["ovnEip", "ipName", "ipType", "type", "vpc", "v4Ip", "v6Ip"]),
        new("OvnSnatRule", "ovn-snat-rules", "snat", ["ovnEip", "vpcSubnet", "ipName", "vpc", "v4IpCidr", "v6IpCidr"]),
        new("OvnDnatRule", "ovn-dnat-rules", "dnat", ["ovnEip", "ipName", "ipType", "protocol", "internalPort", "externalPort", "vpc", "v4Ip", "v6Ip"]),
    ];

    public static void Map(RouteGroupBuilder api)
    {
        foreach (var info in Kinds)
        {
            var group = api.MapGroup($"/apis/kubeovn.io/v1/{info.Plural}");
            group.MapPut("/{name}", async (string name, HttpContext http, AssociationHandler handler) =>
            {
                var doc = await ResourceReader.ReadAsync(http.Request, http.RequestAborted);
                var spec = SpecBinder.Bind<OvnRuleSpec>(doc, OvnEipApi.ApiVersion, info.Kind, name);
                Check(info, doc.Spec, spec);
                var caller = Caller.Http(http);
                var rule = await handler.AssociateAsync(caller, new AssociateFip
                {
                    Project = caller.Project, Kind = info.Association, Name = name, OvnEip = spec.OvnEip ?? "",
                    V4Ip = spec.V4Ip, IpName = spec.IpName, VpcSubnet = spec.VpcSubnet, V4IpCidr = spec.V4IpCidr, Vpc = spec.Vpc,
                    Protocol = spec.Protocol, ExternalPort = Port("externalPort", spec.ExternalPort), InternalPort = Port("internalPort", spec.InternalPort),
                });
                return TypedResults.Ok(Document(info, rule));
            });
            group.MapGet("/{name}", async Task<IResult> (string name, DateTimeOffset? asOf, HttpContext http, Catalog catalog, PoolsAsOf history) =>
            {
                var caller = Caller.Http(http);
                if (asOf is not { } at)
                {
                    return TypedResults.Ok(Document(info, AssociationHandler.View((await FindAsync(info, name, catalog, caller)).Rule)));
                }
                // A rule name is one namespace across the three kinds: at that time it may have been another kind's.
                var then = await history.FindAsync(at, s => s.Rule(name) is { } r && AssociationHandler.Kind(r) == info.Association);
                return ResourceWriter.AsOfAnswer(info.Kind, name, at,
                    then is { State: var s } ? Document(info, AssociationHandler.View(Visible(s.Rule(name)!, caller))) : null, then?.Version ?? 0);
            });
            group.MapGet("/", async (HttpContext http, Catalog catalog) =>
            {
                var caller = Caller.Http(http);
                var rules = await catalog.RulesAsync(info.Association, caller.Admin ? null : caller.Project);
                return TypedResults.Ok(ResourceWriter.List(OvnEipApi.ApiVersion, info.Kind, rules.Select(r => Document(info, AssociationHandler.View(r.Rule)))));
            });
            group.MapDelete("/{name}", async (string name, HttpContext http, Catalog catalog, AssociationHandler handler) =>
            {
                var caller = Caller.Http(http);
                var rule = await FindAsync(info, name, catalog, caller);
                return TypedResults.Ok(await handler.DisassociateAsync(caller,
                    new DisassociateFip { Project = caller.Admin ? rule.Rule.Project : caller.Project, Name = name }));
            });
        }
    }

    private static async Task<RuleRow> FindAsync(RuleKindInfo info, string name, Catalog catalog, Caller caller)
    {
        var rule = await catalog.RuleAsync(name);
        if (rule is null || AssociationHandler.Kind(rule.Rule) != info.Association)
        {
            throw new MeshException(new MeshError(ErrorCodes.NotFound, $"{info.Kind} '{name}' does not exist", ErrorKind.NotFound,
                "metadata.name", name, $"list them: GET /apis/kubeovn.io/v1/{info.Plural}"));
        }
        Visible(rule.Rule, caller);
        return rule;
    }

    private static NatRule Visible(NatRule rule, Caller caller) =>
        caller.CanActOn(rule.Project) ? rule : throw new MeshException(FipErrors.Forbidden(rule.RuleId, rule.Project, caller.Project));

    // Each kind takes only Kube-OVN's fields of that kind; IPv6 is not served by floating IP pools.
    private static void Check(RuleKindInfo info, JsonElement? raw, OvnRuleSpec spec)
    {
        if (raw is { ValueKind: JsonValueKind.Object } obj && obj.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !info.Fields.Contains(n)) is { } bad)
        {
            throw new MeshException(new MeshError(ErrorCodes.UnknownField, $"unknown field 'spec.{bad}' for {info.Kind}", ErrorKind.Invalid,
                $"spec.{bad}", null, $"{info.Kind} takes: {string.Join(", ", info.Fields)}"));
        }
        if ((spec.V6Ip ?? spec.V6IpCidr) is { Length: > 0 } v6)
        {
            throw new MeshException(new MeshError(ErrorCodes.InvalidField, $"'{v6}': floating IP pools are IPv4", ErrorKind.Invalid,
                spec.V6Ip is null ? "spec.v6IpCidr" : "spec.v6Ip", v6, "omit the IPv6 field"));
        }
    }

    private static int? Port(string field, string? text) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port
        : throw new MeshException(new MeshError(FipErrorCodes.InvalidPort, $"{field} '{text}' is not a port (1-65535)", ErrorKind.Invalid,
            field, text, "use a port between 1 and 65535"));

    private static JsonObject Document(RuleKindInfo info, FipRule r)
    {
        var spec = new OvnRuleSpec
        {
            OvnEip = r.OvnEip, Vpc = r.Vpc, V4Ip = r.Kind == "snat" ? null : r.V4Ip,
            V4IpCidr = r.Kind == "snat" ? r.V4Ip ?? r.V4IpCidr : null, VpcSubnet = r.V4IpCidr is null ? null : r.Subnet,
            Protocol = r.Protocol, ExternalPort = r.ExternalPort?.ToString(CultureInfo.InvariantCulture),
            InternalPort = r.InternalPort?.ToString(CultureInfo.InvariantCulture),
        };
        var status = new OvnRuleStatus(true, r.V4Eip, r.V4Ip, r.V4IpCidr ?? (r.Kind == "snat" ? r.V4Ip : null), r.Vpc, r.Protocol,
            spec.InternalPort, spec.ExternalPort, r.GatewayNode, r.NatGateway, r.Project);
        return ResourceWriter.Document(OvnEipApi.ApiVersion, info.Kind, new ObjectMeta { Name = r.Name }, spec, status);
    }
}
