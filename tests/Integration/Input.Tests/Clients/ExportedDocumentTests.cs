using System.Net;
using System.Text.Json;
using Mesh.Ipam.Tests;
using Mesh.Testing;

namespace Mesh.Input.Tests.Clients;

/// <summary>
/// COMMON-8: documents exactly as <c>kubectl get -o yaml</c> prints them on a Kube-OVN cluster (examples/exported), with
/// another API server's metadata, status and the upstream CRDs' spec fields, are accepted; what the other server owns is
/// neither stored nor shown back; a misspelt field is refused naming the nearest known one.
/// </summary>
[Collection(PythonCollection.Name)]
[Trait("rule", "COMMON-8")]
public sealed class ExportedDocumentTests(PythonWorld world)
{
    private static string Exported(string file) => Examples.Read("exported", file);

    private async Task<JsonElement> PutAsync(string service, string path, string yaml, Who? who = null)
    {
        var response = await world.Mesh.SendAsync(service, HttpMethod.Put, path, yaml, who ?? Who.Admin);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    private static void AssertOwnMetadata(JsonElement document, string foreignVersion)
    {
        var meta = document.GetProperty("metadata");
        foreach (var serverOwned in new[] { "uid", "managedFields", "finalizers", "creationTimestamp", "generation" })
        {
            Assert.False(meta.TryGetProperty(serverOwned, out _), $"metadata.{serverOwned} of the other cluster was kept: {meta}");
        }
        Assert.NotEqual(foreignVersion, meta.TryGetProperty("resourceVersion", out var version) ? version.GetString() : null);
        Assert.DoesNotContain("last-applied-configuration", meta.ToString());
    }

    [Fact]
    public async Task A_vpc_subnet_and_nat_gateway_exported_from_a_kube_ovn_cluster_are_applied_and_applied_again()
    {
        var vpc = await PutAsync("vpc", "/apis/kubeovn.io/v1/vpcs/exported-vpc", Exported("vpc.yaml"));
        AssertOwnMetadata(vpc, "4418207");
        Assert.Equal("172.110.0.171", vpc.GetProperty("spec").GetProperty("staticRoutes")[0].GetProperty("nextHopIP").GetString());
        var subnet = await PutAsync("vpc", "/apis/kubeovn.io/v1/subnets/exported-subnet", Exported("subnet.yaml"));
        AssertOwnMetadata(subnet, "4418290");
        Assert.Equal("10.250.0.0/24", subnet.GetProperty("spec").GetProperty("cidrBlock").GetString());
        var gateway = await PutAsync("vpc", "/apis/kubeovn.io/v1/vpc-nat-gateways/exported-gw", Exported("vpc-nat-gateway.yaml"));
        AssertOwnMetadata(gateway, "4418402");

        // The same export again (its resourceVersion is the other cluster's, not an expected version here) changes nothing.
        const string Edits = "SELECT count(*) FROM mesh_events WHERE type IN ('vpc.subnet-created.v1', 'vpc.subnet-updated.v1')";
        var before = await world.Mesh.Processes.Database("vpc").ScalarAsync<long>(Edits);
        var again = await world.Mesh.SendAsync("vpc", HttpMethod.Put, "/apis/kubeovn.io/v1/subnets/exported-subnet", Exported("subnet.yaml"), Who.Admin);
        Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
        // What the mesh does not act on is said, as the Kubernetes API server says it: a Warning header.
        var warning = string.Join(" ", again.Headers.GetValues("Warning"));
        foreach (var field in new[] { "spec.gatewayType", "spec.enableLb", "spec.mtu", "spec.acls" })
        {
            Assert.Contains(field, warning);
        }
        Assert.Equal(before, await world.Mesh.Processes.Database("vpc").ScalarAsync<long>(Edits));
    }

    [Fact]
    public async Task An_ovn_eip_fip_snat_and_dnat_exported_from_a_kube_ovn_cluster_are_applied()
    {
        foreach (var (pod, ip) in new[] { ("exported-vm", "192.168.100.60"), ("exported-vm2", "192.168.100.61") })
        {
            var created = await world.Mesh.SendAsync("ipam", HttpMethod.Post, "/api/v1/allocations",
                JsonSerializer.Serialize(ClientBus.Pod(pod + "-uid", "net192", ip: ip) with { PodName = pod }, JsonSerializerOptions.Web), Who.Admin);
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            await Eventually.TrueAsync(async () => await world.Mesh.Processes.Database("fip").ScalarAsync<long>(
                $"SELECT count(*) FROM world_addresses WHERE ip = '{ip}' AND NOT released") == 1, $"the FIP service learns {pod}'s address");
        }

        var member = Who.Member("p1");
        var eip = await PutAsync("fip", "/apis/kubeovn.io/v1/ovn-eips/exported-eip", Exported("ovn-eip.yaml"), member);
        AssertOwnMetadata(eip, "4418533");
        Assert.Equal("172.110.0.40", eip.GetProperty("status").GetProperty("v4Ip").GetString());
        foreach (var (name, ip) in new[] { ("exported-snat-eip", "172.110.0.41"), ("exported-dnat-eip", "172.110.0.42") })
        {
            await PutAsync("fip", $"/apis/kubeovn.io/v1/ovn-eips/{name}", Exported("ovn-eip.yaml").Replace("exported-eip", name).Replace("172.110.0.40", ip), member);
        }
        AssertOwnMetadata(await PutAsync("fip", "/apis/kubeovn.io/v1/ovn-fips/exported-fip", Exported("ovn-fip.yaml"), member), "4418611");
        AssertOwnMetadata(await PutAsync("fip", "/apis/kubeovn.io/v1/ovn-snat-rules/exported-snat", Exported("ovn-snat-rule.yaml"), member), "4418700");
        var dnat = await PutAsync("fip", "/apis/kubeovn.io/v1/ovn-dnat-rules/exported-dnat", Exported("ovn-dnat-rule.yaml"), member);
        AssertOwnMetadata(dnat, "4418772");
        Assert.Equal("8022", dnat.GetProperty("spec").GetProperty("externalPort").GetString());
    }

    [Theory]
    [InlineData("cidrBlok: 10.251.0.0/24", "spec.cidrBlok", "did you mean cidrBlock?")]
    [InlineData("cidrBlock: 10.251.0.0/24\n  natOutgoin: true", "spec.natOutgoin", "did you mean natOutgoing?")]
    [InlineData("cidrBlock: 10.251.0.0/24\n  flavour: large", "spec.flavour", "cidrBlock")]
    public async Task A_field_no_kube_ovn_crd_has_is_UnknownField_naming_the_nearest_known_one(string spec, string field, string said)
    {
        var response = await world.Mesh.SendAsync("vpc", HttpMethod.Put, "/apis/kubeovn.io/v1/subnets/typo-subnet",
            $"apiVersion: kubeovn.io/v1\nkind: Subnet\nmetadata:\n  name: typo-subnet\nspec:\n  {spec}\n", Who.Admin);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal("UnknownField", problem.GetProperty("code").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(said, problem.GetProperty("message").GetString() + " " + problem.GetProperty("remedy").GetString());
    }

    [Fact]
    public async Task A_misspelt_top_level_or_metadata_field_names_the_nearest_known_one()
    {
        var response = await world.Mesh.SendAsync("vpc", HttpMethod.Put, "/apis/kubeovn.io/v1/subnets/typo-subnet",
            "apiVersion: kubeovn.io/v1\nkind: Subnet\nmetdata:\n  name: typo-subnet\nspec:\n  cidrBlock: 10.251.0.0/24\n", Who.Admin);
        Assert.Contains("did you mean metadata?", (await response.Content.ReadAsStringAsync()));
        response = await world.Mesh.SendAsync("vpc", HttpMethod.Put, "/apis/kubeovn.io/v1/subnets/typo-subnet",
            "apiVersion: kubeovn.io/v1\nkind: Subnet\nmetadata:\n  name: typo-subnet\n  lables: {a: b}\nspec:\n  cidrBlock: 10.251.0.0/24\n", Who.Admin);
        Assert.Contains("did you mean labels?", (await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_document_with_an_empty_mapping_key_is_400_MalformedDocument_with_line_and_column_and_changes_nothing()
    {
        const string Edits = "SELECT count(*) FROM mesh_events WHERE type LIKE 'vpc.subnet-%' AND type <> 'vpc.subnet-usage-changed.v1'";
        var before = await world.Mesh.Processes.Database("vpc").ScalarAsync<long>(Edits);
        var response = await world.Mesh.SendAsync("vpc", HttpMethod.Put, "/apis/kubeovn.io/v1/subnets/empty-key",
            "apiVersion: kubeovn.io/v1\nkind: Subnet\nmetadata:\n  name: empty-key\nspec:\n  cidrBlock: 10.252.0.0/24\n  excludeIps: {: '1'}\n", Who.Admin);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal("MalformedDocument", problem.GetProperty("code").GetString());
        Assert.Contains("line 7, column", problem.GetProperty("message").GetString());
        Assert.Equal(before, await world.Mesh.Processes.Database("vpc").ScalarAsync<long>(Edits));
    }
}
