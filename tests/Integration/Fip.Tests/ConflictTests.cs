using static Mesh.Fip.Tests.FipFixture;

namespace Mesh.Fip.Tests;

[Collection(nameof(FipFixture))]
public sealed class ConflictTests(FipFixture f)
{
    private readonly string _a = f.Member("proj-a");

    private Task<HttpResponseMessage> Put(string path, string body) => f.SendAsync(HttpMethod.Put, path, _a, body);

    [Fact, Trait("rule", "FIP-5")]
    public async Task An_address_with_an_eip_cannot_also_sit_behind_a_snat_and_the_other_way_round()
    {
        await f.AllocatedAsync("10.4.0.21", "c-pod-1", subnet: "subnet-c");
        await f.AllocatedAsync("10.1.1.22", "c-pod-2");
        Ok(await Put(Docs.Eips + "c-eip", Docs.Eip("c-eip")));
        Ok(await Put(Docs.Eips + "c-snat", Docs.Eip("c-snat")));
        Ok(await Put(Docs.Fips + "c-fip", Docs.Fip("c-fip", "c-eip", "10.4.0.21")));

        var problem = await ProblemAsync(await Put(Docs.Snats + "c-net", Docs.Snat("c-net", "c-snat", subnet: "subnet-c")), 409, "EipSnatConflict");
        Assert.Equal("10.4.0.0/24", problem.GetProperty("value").GetString());
        await ProblemAsync(await Put(Docs.Snats + "c-one", Docs.Snat("c-one", "c-snat", cidr: "10.4.0.21")), 409, "EipSnatConflict");

        Ok(await Put(Docs.Snats + "c-two", Docs.Snat("c-two", "c-snat", cidr: "10.1.1.22")));
        Ok(await Put(Docs.Eips + "c-eip-2", Docs.Eip("c-eip-2")));
        await ProblemAsync(await Put(Docs.Fips + "c-fip-2", Docs.Fip("c-fip-2", "c-eip-2", "10.1.1.22")), 409, "EipSnatConflict");
        await ProblemAsync(await Put(Docs.Fips + "c-fip-3", Docs.Fip("c-fip-3", "c-eip", "10.1.1.22")), 409, "EipAlreadyAssociated");

        Ok(await f.SendAsync(HttpMethod.Delete, Docs.Fips + "c-fip", _a));
        Ok(await Put(Docs.Snats + "c-net", Docs.Snat("c-net", "c-snat", subnet: "subnet-c")));
        Ok(await f.SendAsync(HttpMethod.Delete, Docs.Snats + "c-net", _a));
    }

    [Fact, Trait("rule", "FIP-5")]
    public async Task A_dnat_on_a_taken_port_and_protocol_is_DnatPortConflict()
    {
        await f.AllocatedAsync("10.1.1.31", "d-pod-1");
        await f.AllocatedAsync("10.1.1.32", "d-pod-2");
        Ok(await Put(Docs.Eips + "d-eip", Docs.Eip("d-eip")));
        Ok(await Put(Docs.Dnats + "d-web", Docs.Dnat("d-web", "d-eip", "10.1.1.31", "80", "8080")));
        var problem = await ProblemAsync(await Put(Docs.Dnats + "d-web-2", Docs.Dnat("d-web-2", "d-eip", "10.1.1.32", "80", "80")), 409, "DnatPortConflict");
        Assert.Equal("externalPort", problem.GetProperty("field").GetString());
        Ok(await Put(Docs.Dnats + "d-dns", Docs.Dnat("d-dns", "d-eip", "10.1.1.32", "80", "53", "udp")));
        await ProblemAsync(await Put(Docs.Dnats + "d-web", Docs.Dnat("d-web", "d-eip", "10.1.1.32", "80", "8080")), 409, "RuleAlreadyExists");
        Ok(await Put(Docs.Dnats + "d-web", Docs.Dnat("d-web", "d-eip", "10.1.1.31", "80", "8080")));
    }

    [Fact, Trait("rule", "FIP-4")]
    public async Task A_target_in_a_vpc_of_another_external_network_is_FipNetworkMismatch()
    {
        await f.AllocatedAsync("10.2.0.41", "m-pod-1", subnet: "subnet-b", vpc: "vpc-b");
        await f.AllocatedAsync("10.3.0.42", "m-pod-2", subnet: "subnet-n", vpc: "vpc-none");
        Ok(await Put(Docs.Eips + "m-eip", Docs.Eip("m-eip")));
        var problem = await ProblemAsync(await Put(Docs.Fips + "m-fip", Docs.Fip("m-fip", "m-eip", "10.2.0.41")), 422, "FipNetworkMismatch");
        Assert.Contains("vpc-b", problem.GetProperty("detail").GetString());
        await ProblemAsync(await Put(Docs.Fips + "m-fip", Docs.Fip("m-fip", "m-eip", "10.3.0.42")), 422, "FipNetworkMismatch");
        await ProblemAsync(await Put(Docs.Snats + "m-net", Docs.Snat("m-net", "m-eip", cidr: "10.2.0.0/24")), 422, "FipNetworkMismatch");
        await ProblemAsync(await Put(Docs.Fips + "m-fip", Docs.Fip("m-fip", "m-eip", "10.1.9.9")), 409, "TargetNotAllocated");
    }

    [Fact, Trait("rule", "FIP-7")]
    public async Task A_fip_with_rules_is_released_only_with_cascade()
    {
        await f.AllocatedAsync("10.1.1.51", "k-pod-1");
        Ok(await Put(Docs.Eips + "k-eip", Docs.Eip("k-eip")));
        Ok(await Put(Docs.Dnats + "k-ssh", Docs.Dnat("k-ssh", "k-eip", "10.1.1.51", "22", "22")));
        var problem = await ProblemAsync(await f.SendAsync(HttpMethod.Delete, Docs.Eips + "k-eip", _a), 409, "FipHasRules");
        Assert.Contains("k-ssh", problem.GetProperty("detail").GetString());
        var result = Ok(await f.SendAsync(HttpMethod.Delete, Docs.Eips + "k-eip?cascade=true", _a));
        Assert.Equal("k-ssh", result.GetProperty("removedRules")[0].GetString());
        await ProblemAsync(await f.SendAsync(HttpMethod.Get, Docs.Dnats + "k-ssh", _a), 404, "NotFound");
    }

    [Theory]
    [InlineData("""{"apiVersion":"kubeovn.io/v1","kind":"OvnFip","metadata":{"name":"b-1"},"spec":{"ovnEip":"b-eip","vpcSubnet":"subnet-a"}}""", 422, "UnknownField")]
    [InlineData("""{"apiVersion":"kubeovn.io/v1","kind":"OvnFip","metadata":{"name":"b-1"},"spec":{"ovnEip":"b-eip","v4Ip":"10.1.300.1"}}""", 422, "InvalidIp")]
    [InlineData("""{"apiVersion":"kubeovn.io/v1","kind":"OvnFip","metadata":{"name":"b-1"},"spec":{"ovnEip":"b-eip"}}""", 422, "MissingField")]
    [InlineData("""{"apiVersion":"kubeovn.io/v1","kind":"OvnFip","metadata":{"name":"b-1"},"spec":{"v4Ip":"10.1.1.61"}}""", 422, "MissingField")]
    [InlineData("""{"apiVersion":"kubeovn.io/v1","kind":"OvnFip","metadata":{"name":"b-1"},"spec":{"ovnEip":"b-eip","v6Ip":"fd00::1"}}""", 422, "InvalidField")]
    [InlineData("""{"apiVersion":"kubeovn.io/v1","kind":"OvnFip","metadata":{"name":"b-1"},"spec":{"ovnEip":"no-such-eip","v4Ip":"10.1.1.61"}}""", 404, "FipNotFound")]
    [InlineData("""{"apiVersion":"kubeovn.io/v1","kind":"OvnSnatRule","metadata":{"name":"b-1"},"spec":{"ovnEip":"b-eip"}}""", 422, "MissingField")]
    [InlineData("""{"apiVersion":"kubeovn.io/v1","kind":"OvnSnatRule","metadata":{"name":"b-1"},"spec":{"ovnEip":"b-eip","v4IpCidr":"10.4.0.1/24"}}""", 422, "InvalidCidr")]
    [InlineData("""{"apiVersion":"kubeovn.io/v1","kind":"OvnFip","metadata":{"name":"b-2"},"spec":{"ovnEip":"b-eip","v4Ip":"10.1.1.61"}}""", 422, "InvalidField")]
    public async Task Bad_rule_documents_get_specific_4xx_codes(string body, int status, string code)
    {
        await f.AllocatedAsync("10.1.1.61", "b-pod-1");
        Ok(await Put(Docs.Eips + "b-eip", Docs.Eip("b-eip")));
        var path = (body.Contains("OvnSnatRule") ? Docs.Snats : Docs.Fips) + "b-1";
        await ProblemAsync(await Put(path, body), status, code);
    }

    [Theory]
    [InlineData("abc", "80", "tcp", "InvalidPort")]
    [InlineData("70000", "80", "tcp", "InvalidPort")]
    [InlineData("80", "0", "tcp", "InvalidPort")]
    [InlineData("80", "80", "sctp", "InvalidProtocol")]
    public async Task Bad_dnat_ports_and_protocols_are_refused(string ext, string inner, string protocol, string code)
    {
        await f.AllocatedAsync("10.1.1.71", "p-pod-1");
        Ok(await Put(Docs.Eips + "p-eip", Docs.Eip("p-eip")));
        await ProblemAsync(await Put(Docs.Dnats + "p-1", Docs.Dnat("p-1", "p-eip", "10.1.1.71", ext, inner, protocol)), 422, code);
    }

    [Fact]
    public async Task Without_a_token_it_is_401_and_another_projects_rule_is_403()
    {
        Assert.Equal(401, (int)(await f.SendAsync(HttpMethod.Get, Docs.Fips, null)).StatusCode);
        await f.AllocatedAsync("10.1.1.81", "z-pod-1");
        Ok(await Put(Docs.Eips + "z-eip", Docs.Eip("z-eip")));
        Ok(await Put(Docs.Fips + "z-fip", Docs.Fip("z-fip", "z-eip", "10.1.1.81")));
        var other = f.Member("proj-other");
        await ProblemAsync(await f.SendAsync(HttpMethod.Get, Docs.Fips + "z-fip", other), 403, "Forbidden");
        await ProblemAsync(await f.SendAsync(HttpMethod.Delete, Docs.Fips + "z-fip", other), 403, "Forbidden");
        await ProblemAsync(await f.SendAsync(HttpMethod.Put, Docs.Dnats + "z-d", other, Docs.Dnat("z-d", "z-eip", "10.1.1.81", "1", "1")), 403, "Forbidden");
        Ok(await f.SendAsync(HttpMethod.Delete, Docs.Fips + "z-fip", f.Admin()));
    }
}
