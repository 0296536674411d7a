using System.Net;

namespace Mesh.Vpc.Tests;

// Every bad document gets its own 4xx code, never a 500 (issue 3, COMMON-3).
public sealed class BadDocumentTests(ApiFixture fx) : IClassFixture<ApiFixture>
{
    private const string Subnets = "/apis/kubeovn.io/v1/subnets";

    private static string Subnet(string name, string spec, string kind = "Subnet", string apiVersion = "kubeovn.io/v1") => $"""
        apiVersion: {apiVersion}
        kind: {kind}
        metadata:
          name: {name}
        spec:
        {spec}
        """;

    [Theory]
    [InlineData("malformed-cidr", "  cidrBlock: 10.0.0/24", HttpStatusCode.UnprocessableEntity, "InvalidCidr", "SUB-2")]
    [InlineData("host-bits", "  cidrBlock: 10.0.0.1/24", HttpStatusCode.UnprocessableEntity, "InvalidCidr", "SUB-2")]
    [InlineData("overlapping", "  cidrBlock: 10.16.5.0/24", HttpStatusCode.Conflict, "CidrConflict", "SUB-3")]
    [InlineData("service-cidr", "  cidrBlock: 172.30.1.0/24", HttpStatusCode.Conflict, "CidrConflict", "SUB-5")]
    [InlineData("unknown-vpc", "  vpc: nope\n  cidrBlock: 10.1.0.0/24", HttpStatusCode.NotFound, "VpcNotFound", "SUB-1")]
    [InlineData("gateway-outside", "  cidrBlock: 10.2.0.0/24\n  gateway: 10.3.0.1", HttpStatusCode.UnprocessableEntity, "InvalidField", "SUB-7")]
    [InlineData("vlan-set", "  cidrBlock: 10.4.0.0/24\n  vlan: vlan10", HttpStatusCode.UnprocessableEntity, "UnderlayNotSupported", "SUB-8")]
    [InlineData("vlan-number", "  cidrBlock: 10.4.0.0/24\n  vlan: 10", HttpStatusCode.UnprocessableEntity, "UnderlayNotSupported", "SUB-8")]
    [InlineData("unknown-field", "  cidr: 10.5.0.0/24", HttpStatusCode.UnprocessableEntity, "UnknownField", "SUB-1")]
    [InlineData("wrong-type", "  cidrBlock: 10.6.0.0/24\n  natOutgoing: [1]", HttpStatusCode.UnprocessableEntity, "InvalidField", "SUB-1")]
    [InlineData("missing-cidr", "  natOutgoing: true", HttpStatusCode.UnprocessableEntity, "MissingField", "SUB-1")]
    public async Task A_bad_subnet_document_is_refused_with_its_code(string name, string spec, HttpStatusCode status, string code, string rule)
    {
        Assert.NotEmpty(rule);
        await Problems.AssertAsync(await fx.Host.PutAsync($"{Subnets}/{name}", Subnet(name, spec)), status, code);
        await Problems.AssertAsync(await fx.Host.GetAsync($"{Subnets}/{name}"), HttpStatusCode.NotFound, "SubnetNotFound");
    }

    [Fact]
    public async Task A_wrong_kind_api_version_or_name_is_refused()
    {
        await Problems.AssertAsync(await fx.Host.PutAsync($"{Subnets}/k1", Subnet("k1", "  cidrBlock: 10.7.0.0/24", kind: "Vpc")),
            HttpStatusCode.UnprocessableEntity, "InvalidField");
        await Problems.AssertAsync(await fx.Host.PutAsync($"{Subnets}/k2", Subnet("k2", "  cidrBlock: 10.7.0.0/24", apiVersion: "kubeovn.io/v2")),
            HttpStatusCode.UnprocessableEntity, "InvalidField");
        await Problems.AssertAsync(await fx.Host.PutAsync($"{Subnets}/Bad_Name", Subnet("Bad_Name", "  cidrBlock: 10.7.0.0/24")),
            HttpStatusCode.UnprocessableEntity, "InvalidName");
        await Problems.AssertAsync(await fx.Host.PutAsync($"{Subnets}/k3", Subnet("other", "  cidrBlock: 10.7.0.0/24")),
            HttpStatusCode.UnprocessableEntity, "InvalidField");
        await Problems.AssertAsync(await fx.Host.PutAsync($"{Subnets}/k4", "spec: [unclosed"), HttpStatusCode.BadRequest, "MalformedDocument");
        await Problems.AssertAsync(await fx.Host.PutAsync($"{Subnets}/k5", "{\"apiVersion\": "), HttpStatusCode.BadRequest, "MalformedDocument");
    }

    [Fact]
    [Trait("rule", "SUB-6")]
    public async Task Changing_the_cidr_of_a_subnet_is_refused_as_ImmutableField_and_nothing_changes()
    {
        await Problems.OkAsync(await fx.Host.PutAsync($"{Subnets}/fixed", Subnet("fixed", "  cidrBlock: 10.8.0.0/24")));
        var problem = await Problems.AssertAsync(await fx.Host.PutAsync($"{Subnets}/fixed", Subnet("fixed", "  cidrBlock: 10.9.0.0/24")),
            HttpStatusCode.UnprocessableEntity, "ImmutableField");
        Assert.Equal("spec.cidrBlock", problem.GetProperty("field").GetString());
        var stored = await fx.Host.GetJsonAsync($"{Subnets}/fixed");
        Assert.Equal("10.8.0.0/24", stored.GetProperty("spec").GetProperty("cidrBlock").GetString());
    }

    [Fact]
    [Trait("rule", "VPC-2")]
    public async Task Bad_vpc_documents_are_refused_with_their_codes()
    {
        const string vpcs = "/apis/kubeovn.io/v1/vpcs";
        static string Vpc(string name, string spec) => $"apiVersion: kubeovn.io/v1\nkind: Vpc\nmetadata:\n  name: {name}\nspec:\n{spec}\n";
        await Problems.AssertAsync(await fx.Host.PutAsync($"{vpcs}/dist", Vpc("dist", "  gatewayType: distributed")),
            HttpStatusCode.UnprocessableEntity, "UnsupportedGatewayType");
        await Problems.AssertAsync(await fx.Host.PutAsync($"{vpcs}/noext", Vpc("noext",
                "  externalNetworkID: 0b0c9a2e-5f43-4d5e-9a41-7c2d1f0e6a11\n  neutronRouter: c761887f-40bd-4df0-9b43-7c6bb009aab7")),
            HttpStatusCode.NotFound, "ExternalNetworkNotFound");
        await Problems.AssertAsync(await fx.Host.PutAsync($"{vpcs}/half", Vpc("half", "  externalNetworkID: c9a831a0-6298-44c6-a664-2f362e60e419")),
            HttpStatusCode.UnprocessableEntity, "MissingField");
        var misspelt = await Problems.AssertAsync(await fx.Host.PutAsync($"{vpcs}/extra", Vpc("extra", "  nameSpaces: [a]")),
            HttpStatusCode.UnprocessableEntity, "UnknownField");
        Assert.Contains("did you mean namespaces?", misspelt.GetProperty("detail").GetString());
        // COMMON-8: a field of the upstream CRD that this platform does not act on is accepted, and said so.
        var upstream = await fx.Host.PutAsync($"{vpcs}/extra", Vpc("extra", "  enableBfd: true"));
        Assert.Equal(HttpStatusCode.Created, upstream.StatusCode);
        Assert.Contains("spec.enableBfd", string.Join(" ", upstream.Headers.GetValues("Warning")));
        await Problems.AssertAsync(await fx.Host.PutAsync("/apis/network.mesh.io/v1/externalnetworks/badnet",
                "apiVersion: network.mesh.io/v1\nkind: ExternalNetwork\nmetadata:\n  name: badnet\nspec:\n  id: c9a831a0-6298-44c6-a664-2f362e60e419\n  cidr: 172.110.0.1/24\n"),
            HttpStatusCode.UnprocessableEntity, "InvalidCidr");
    }
}
