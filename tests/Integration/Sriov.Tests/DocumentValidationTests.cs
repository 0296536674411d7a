using System.Net;
using Microsoft.AspNetCore.TestHost;
using static Mesh.Sriov.Tests.ManualDocuments;

namespace Mesh.Sriov.Tests;

/// Bad documents get a specific 4xx with the rule's code, never a 500; callers need a token and a role.
public sealed class DocumentValidationTests : SriovTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await JsonAsync(await PutFileAsync(Agent, "sriovnetworknodestates", "node-10", "node-state-node-10.yaml"));
    }

    [Theory]
    [Trait("rule", "SRIOV-2a")]
    [InlineData("invalid/policy-numvfs-zero.yaml", "InvalidField", "spec.numVfs")]
    [InlineData("invalid/policy-vfio-rdma.yaml", "RdmaWithVfioPci", "spec.isRdma")]
    [InlineData("invalid/policy-unknown-field.yaml", "UnknownField", "spec.prority")]
    public async Task A_bad_policy_is_refused_with_its_code_and_field(string file, string code, string field)
    {
        var response = await PutFileAsync(Admin, "sriovnetworknodepolicies", "node-policy-10", file);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await JsonAsync(new HttpResponseMessage(HttpStatusCode.OK) { Content = response.Content });
        Assert.Equal((code, field), (problem["code"]!.GetValue<string>(), problem["field"]!.GetValue<string>()));
    }

    [Fact]
    [Trait("rule", "SRIOV-6")]
    public async Task An_unquoted_spoofChk_on_is_refused_as_the_operator_does()
    {
        await JsonAsync(await PutFileAsync(Admin, "sriovnetworknodepolicies", "node-policy-10", "policy-runc-eth.yaml"));
        var response = await PutFileAsync(Admin, "sriovnetworks", "nics", "invalid/network-spoofchk-unquoted.yaml");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("QuotedStringRequired", await CodeAsync(response));

        var quoted = Read("invalid/network-spoofchk-unquoted.yaml").Replace("spoofChk: on", "spoofChk: \"on\"");
        await JsonAsync(await PutAsync(Admin, "sriovnetworks", "nics", quoted));
    }

    [Fact]
    [Trait("rule", "SRIOV-6")]
    public async Task A_network_for_a_resource_no_policy_provides_is_refused()
    {
        var response = await PutFileAsync(Admin, "sriovnetworks", "nics", "network-nics.yaml");
        Assert.Equal("UnknownResourceName", await CodeAsync(response));
    }

    [Fact]
    [Trait("rule", "SRIOV-3")]
    public async Task A_vendor_outside_the_configured_table_and_broken_yaml_are_4xx()
    {
        var intelPlus = Read("policy-runc-eth.yaml").Replace("vendor: \"15b3\"", "vendor: \"1234\"");
        var response = await PutAsync(Admin, "sriovnetworknodepolicies", "node-policy-10", intelPlus);
        Assert.Equal(("InvalidField", HttpStatusCode.UnprocessableEntity), (await CodeAsync(response), response.StatusCode));

        var broken = await PutAsync(Admin, "sriovnetworknodepolicies", "node-policy-10", "spec:\n  numVfs: [\n");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var wrongType = await PutAsync(Admin, "sriovnetworknodepolicies", "node-policy-10", Read("policy-runc-eth.yaml").Replace("numVfs: 3", "numVfs: three"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongType.StatusCode);
    }

    [Fact]
    [Trait("rule", "SRIOV-4")]
    public async Task A_policy_matching_no_reported_device_says_so()
    {
        var other = Read("policy-runc-eth.yaml").Replace("0000:71:00.0", "0000:99:00.0");
        var policy = await JsonAsync(await PutAsync(Admin, "sriovnetworknodepolicies", "node-policy-10", other));
        Assert.StartsWith("PolicyMatchedNoDevices", policy["status"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_token_it_is_401_and_a_member_may_not_write_policies_or_release_another_projects_pod()
    {
        var anonymous = App.GetTestClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Base}/sriovnetworknodepolicies")).StatusCode);

        var member = SriovHost.Client(App, "member", "p2");
        var write = await PutFileAsync(member, "sriovnetworknodepolicies", "node-policy-10", "policy-runc-eth.yaml");
        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden"), (write.StatusCode, await CodeAsync(write)));
        Assert.Equal(HttpStatusCode.Forbidden, (await PutFileAsync(member, "sriovnetworknodestates", "node-10", "node-state-node-10.yaml")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AllocateAsync(member, Pod("pod-runc-nics.yaml", "uid-1", project: "p1"))).StatusCode);

        await ConfigureAsync("policy-runc-eth.yaml", "sriovnetworks", "nics");
        await JsonAsync(await AllocateAsync(SriovHost.Client(App, "member", "p1"), Pod("pod-runc-nics.yaml", "uid-1", project: "p1")));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.DeleteAsync("/api/v1/vf-allocations/uid-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{Base}/sriovnetworknodepolicies/node-policy-10")).StatusCode);
    }
}
