using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using static Mesh.Gpu.Tests.Requests;

namespace Mesh.Gpu.Tests;

public sealed class AccessAndInputTests(GpuFixture fx) : IClassFixture<GpuFixture>
{
    [Fact]
    public async Task Without_a_token_every_endpoint_is_401()
    {
        var anonymous = fx.App.GetTestClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/apis/gpu.mesh.io/v1/gpunodes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AssignAsync(anonymous, Pod(Id(), Gpus(1)))).StatusCode);
    }

    [Fact]
    public async Task Only_a_node_agent_or_an_admin_reports_inventory_and_a_project_assigns_only_its_own_pods()
    {
        var node = "acl-" + Id();
        var denied = await PutNodeAsync(fx.Member, node, [T4(0, node)]);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("Forbidden", await denied.CodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await PutNodeAsync(fx.Admin, node, [T4(0, node)])).StatusCode);

        var other = await AssignAsync(fx.Member, Pod(Id(), Gpus(1), node, project: "p2"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(fx.Admin, Pod(Id(), Gpus(1), node, project: "p2"))).StatusCode);
        var health = await fx.Member.PutAsJsonAsync($"/apis/gpu.mesh.io/v1/gpunodes/{node}/devices/0/health", new { healthy = false });
        Assert.Equal(HttpStatusCode.Forbidden, health.StatusCode);
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadNodes => new()
    {
        { "{\"apiVersion\": ", "application/json", HttpStatusCode.BadRequest, "MalformedDocument" },
        { "apiVersion: gpu.mesh.io/v1\nkind: GpuNode\nspec:\n  arch: amd64\n  bogus: 1\n", "application/yaml", HttpStatusCode.UnprocessableEntity, "UnknownField" },
        { "{\"apiVersion\":\"gpu.mesh.io/v1\",\"kind\":\"GpuNode\",\"spec\":{\"arch\":\"amd64\",\"devices\":[{\"index\":\"zero\"}]}}", "application/json", HttpStatusCode.UnprocessableEntity, "InvalidField" },
        { "{\"apiVersion\":\"gpu.mesh.io/v1\",\"kind\":\"GpuNode\",\"spec\":{\"arch\":\"s390x\"}}", "application/json", HttpStatusCode.UnprocessableEntity, "InvalidRequest" },
        { "{\"apiVersion\":\"gpu.mesh.io/v1\",\"kind\":\"GpuNode\",\"spec\":{\"arch\":\"amd64\",\"devices\":[{\"index\":0,\"uuid\":\"u\",\"vendor\":\"amd\",\"model\":\"MI300\",\"memoryMiB\":1}]}}", "application/json", HttpStatusCode.UnprocessableEntity, "InvalidRequest" },
        { "{\"apiVersion\":\"gpu.mesh.io/v1\",\"kind\":\"GpuNode\",\"spec\":{\"arch\":\"amd64\",\"devices\":[{\"index\":0,\"uuid\":\"u\",\"vendor\":\"nvidia\",\"model\":\"GTX 1080\",\"memoryMiB\":1}]}}", "application/json", HttpStatusCode.UnprocessableEntity, "InvalidRequest" },
        { "{\"apiVersion\":\"gpu.mesh.io/v1\",\"kind\":\"Subnet\",\"spec\":{}}", "application/json", HttpStatusCode.UnprocessableEntity, "InvalidField" },
        { "{\"apiVersion\":\"gpu.mesh.io/v1\",\"kind\":\"GpuNode\",\"spec\":{\"arch\":\"amd64\",\"taints\":[{\"key\":\"a\",\"value\":\"b\",\"effect\":\"Sometimes\"}]}}", "application/json", HttpStatusCode.UnprocessableEntity, "InvalidRequest" },
    };

    [Theory]
    [MemberData(nameof(BadNodes))]
    public async Task A_bad_inventory_document_is_a_4xx_with_a_code_never_a_500(string body, string type, HttpStatusCode status, string code)
    {
        var response = await fx.Agent.PutAsync($"/apis/gpu.mesh.io/v1/gpunodes/bad-{Id()}", new StringContent(body, Encoding.UTF8, type));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, await response.CodeAsync());
    }

    public static TheoryData<string, HttpStatusCode> BadPods => new()
    {
        { "not json", HttpStatusCode.BadRequest },
        { "[1,2]", HttpStatusCode.BadRequest },
        { "{\"uid\":\"u1\"}", HttpStatusCode.UnprocessableEntity },
        { "{\"namespace\":\"d\",\"name\":\"n\",\"uid\":\"u2\",\"project\":\"p1\",\"runtimeClassName\":\"rune\",\"requests\":{\"nvidia.com/gpu\":1},\"extra\":true}", HttpStatusCode.UnprocessableEntity },
        { "{\"namespace\":\"d\",\"name\":\"n\",\"uid\":\"u3\",\"project\":\"p1\",\"runtimeClassName\":\"rune\",\"requests\":{\"nvidia.com/gpu\":\"abc\"}}", HttpStatusCode.UnprocessableEntity },
        { "{\"namespace\":\"d\",\"name\":\"n\",\"uid\":\"u4\",\"project\":\"p1\",\"runtimeClassName\":\"rune\",\"requests\":{\"nvidia.com/gpu\":\"1\"},\"tolerations\":[{\"operator\":\"Maybe\"}]}", HttpStatusCode.UnprocessableEntity },
        { "{\"namespace\":\"d\",\"name\":\"n\",\"uid\":\"u5\",\"project\":\"p1\",\"runtimeClassName\":\"rune\",\"requests\":{\"nvidia.com/gpu\":\"1\"},\"env\":{\"NVIDIA_VISIBLE_DEVICES\":\"GPU-5a0c1d2e\"}}", HttpStatusCode.UnprocessableEntity },
        { "{\"namespace\":\"d\",\"name\":\"n\",\"uid\":\"u6\",\"project\":\"p1\",\"runtimeClassName\":\"rune\",\"requests\":{\"nvidia.com/gpu\":\"1\"},\"node\":\"\"}", HttpStatusCode.UnprocessableEntity },
    };

    [Theory]
    [MemberData(nameof(BadPods))]
    public async Task A_bad_pod_descriptor_is_a_4xx_with_a_code_never_a_500(string body, HttpStatusCode status)
    {
        var response = await fx.Member.PostAsync("/apis/gpu.mesh.io/v1/assignments", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(status, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(await response.CodeAsync()));
    }

    [Fact]
    public async Task Health_of_an_unknown_card_or_node_is_404_and_a_missing_flag_is_422()
    {
        var node = "h-" + Id();
        await PutNodeAsync(fx.Agent, node, [T4(0, node)]);
        var card = await fx.Agent.PutAsJsonAsync($"/apis/gpu.mesh.io/v1/gpunodes/{node}/devices/7/health", new { healthy = false });
        Assert.Equal("DeviceNotFound", await card.CodeAsync());
        var ghost = await fx.Agent.PutAsJsonAsync($"/apis/gpu.mesh.io/v1/gpunodes/ghost-{Id()}/devices/0/health", new { healthy = false });
        Assert.Equal(HttpStatusCode.NotFound, ghost.StatusCode);
        var missing = await fx.Agent.PutAsJsonAsync($"/apis/gpu.mesh.io/v1/gpunodes/{node}/devices/0/health", new { reason = "?" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
    }
}
