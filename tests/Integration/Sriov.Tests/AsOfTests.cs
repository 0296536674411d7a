using System.Net;
using System.Text.Json.Nodes;
using Mesh.Testing;
using static Mesh.Sriov.Tests.ManualDocuments;

namespace Mesh.Sriov.Tests;

/// SRE-2: policies and networks as they were at a past time, folded from the `sriov-config` stream (which holds
/// every policy and network) up to then; a policy's matched nodes are those reported by then.
public sealed class AsOfTests : SriovTestBase
{
    private async Task<HttpResponseMessage> GetAsOfAsync(string plural, string name, DateTimeOffset at, string ns = Ns) =>
        await Admin.GetAsync(AsOf.Query($"/apis/sriovnetwork.openshift.io/v1/namespaces/{ns}/{plural}/{name}", at));

    private static async Task<JsonNode> AsOfDocumentAsync(HttpResponseMessage response, DateTimeOffset at)
    {
        var doc = await JsonAsync(response);
        Assert.Equal(at, DateTimeOffset.Parse(doc["metadata"]!["annotations"]!["mesh.io/as-of"]!.GetValue<string>()));
        Assert.Equal(doc["metadata"]!["resourceVersion"]!.GetValue<string>(), doc["metadata"]!["annotations"]!["mesh.io/as-of-version"]!.GetValue<string>());
        return doc;
    }

    private static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", await CodeAsync(response));
    }

    [Fact]
    [Trait("rule", "SRE-2")]
    public async Task A_policy_as_of_a_past_time_has_the_spec_and_matched_nodes_of_then()
    {
        const string plural = "sriovnetworknodepolicies", name = "node-policy-10";
        var beforePolicy = await AsOf.MomentAsync();
        await JsonAsync(await PutFileAsync(Admin, plural, name, "policy-runc-eth.yaml"));
        var beforeNode = await AsOf.MomentAsync();
        await JsonAsync(await PutFileAsync(Agent, "sriovnetworknodestates", "node-10", "node-state-node-10.yaml"));
        await JsonAsync(await PutAsync(Admin, plural, name, Read("policy-runc-eth.yaml").Replace("numVfs: 3", "numVfs: 2")));
        var beforeDelete = await AsOf.MomentAsync();

        var now = await JsonAsync(await Admin.GetAsync($"{Base}/{plural}/{name}"));
        Assert.Equal(2, now["spec"]!["numVfs"]!.GetValue<int>());
        Assert.Null(now["metadata"]!["annotations"]);
        Assert.Equal(HttpStatusCode.OK, (await Admin.DeleteAsync($"{Base}/{plural}/{name}")).StatusCode);

        var first = await AsOfDocumentAsync(await GetAsOfAsync(plural, name, beforeNode), beforeNode);
        Assert.Equal(3, first["spec"]!["numVfs"]!.GetValue<int>());
        Assert.Empty(first["status"]!["matchedNodes"]!.AsArray());
        Assert.StartsWith("PolicyMatchedNoDevices", first["status"]!["message"]!.GetValue<string>());
        var second = await AsOfDocumentAsync(await GetAsOfAsync(plural, name, beforeDelete), beforeDelete);
        Assert.Equal(2, second["spec"]!["numVfs"]!.GetValue<int>());
        Assert.Equal("node-10", second["status"]!["matchedNodes"]![0]!["node"]!.GetValue<string>());

        await AssertNotFoundAsync(await GetAsOfAsync(plural, name, beforePolicy));
        await AssertNotFoundAsync(await GetAsOfAsync(plural, name, beforeDelete, "other-namespace"));
        await AssertNotFoundAsync(await Admin.GetAsync($"{Base}/{plural}/{name}"));
        var member = SriovHost.Client(App, "member", "p1");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(AsOf.Query($"{Base}/{plural}/{name}", beforeDelete))).StatusCode);
    }

    [Theory]
    [Trait("rule", "SRE-2")]
    [InlineData("policy-runc-eth.yaml", "sriovnetworks", "nics", "SriovNetwork")]
    [InlineData("policy-runc-ib.yaml", "sriovibnetworks", "ibnics", "SriovIBNetwork")]
    public async Task A_network_as_of_a_past_time_has_the_spec_of_then_even_once_deleted(string policyFile, string plural, string name, string kind)
    {
        await JsonAsync(await PutFileAsync(Admin, "sriovnetworknodepolicies", "node-policy-10", policyFile));
        var beforeNetwork = await AsOf.MomentAsync();
        var original = string.Join('\n', Read($"network-{name}.yaml").Split('\n').Where(line => !line.Contains("linkState")));
        await JsonAsync(await PutAsync(Admin, plural, name, original));
        var beforeChange = await AsOf.MomentAsync();
        await JsonAsync(await PutAsync(Admin, plural, name, original.TrimEnd() + "\n  linkState: enable\n"));
        var beforeDelete = await AsOf.MomentAsync();

        var now = await JsonAsync(await Admin.GetAsync($"{Base}/{plural}/{name}"));
        Assert.Equal("enable", now["spec"]!["linkState"]!.GetValue<string>());
        Assert.Null(now["metadata"]!["annotations"]);
        Assert.Equal(HttpStatusCode.OK, (await Admin.DeleteAsync($"{Base}/{plural}/{name}")).StatusCode);

        var first = await AsOfDocumentAsync(await GetAsOfAsync(plural, name, beforeChange), beforeChange);
        Assert.Equal(kind, first["kind"]!.GetValue<string>());
        Assert.Null(first["spec"]!["linkState"]);
        Assert.Equal(name, first["status"]!["networkAttachmentDefinition"]!["name"]!.GetValue<string>());
        var second = await AsOfDocumentAsync(await GetAsOfAsync(plural, name, beforeDelete), beforeDelete);
        Assert.Equal("enable", second["spec"]!["linkState"]!.GetValue<string>());

        await AssertNotFoundAsync(await GetAsOfAsync(plural, name, beforeNetwork));
        await AssertNotFoundAsync(await GetAsOfAsync(plural == "sriovnetworks" ? "sriovibnetworks" : "sriovnetworks", name, beforeDelete));
        await AssertNotFoundAsync(await Admin.GetAsync($"{Base}/{plural}/{name}"));
    }
}
