using System.Net;
using System.Net.Http.Json;
using static Mesh.Gpu.Tests.Requests;

namespace Mesh.Gpu.Tests;

public sealed class RefusalTests(GpuFixture fx) : IClassFixture<GpuFixture>
{
    private async Task<string> NodeAsync(string arch = "amd64")
    {
        var node = "ref-" + Id();
        Assert.Equal(HttpStatusCode.OK, (await PutNodeAsync(fx.Agent, node, [T4(0, node), T4(1, node)], arch)).StatusCode);
        return node;
    }

    [Fact, Trait("rule", "GPU-3")]
    public async Task A_runc_pod_is_refused_with_RuntimeNotSupported()
    {
        var response = await AssignAsync(fx.Member, Pod(Id(), Gpus(1), await NodeAsync(), runtime: "runc"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("RuntimeNotSupported", problem.GetProperty("code").GetString());
        Assert.Equal("runc", problem.GetProperty("value").GetString());
    }

    [Theory, Trait("rule", "GPU-4")]
    [InlineData("DaemonSet")]
    [InlineData("CronJob")]
    public async Task DaemonSet_and_CronJob_pods_are_refused_with_WorkloadKindNotSupported(string kind)
    {
        var response = await AssignAsync(fx.Member, Pod(Id(), Gpus(1), await NodeAsync(), kind: kind));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("WorkloadKindNotSupported", await response.CodeAsync());
    }

    [Fact, Trait("rule", "GPU-5")]
    public async Task An_arm_node_gives_no_gpus_with_ArchNotSupported()
    {
        var response = await AssignAsync(fx.Member, Pod(Id(), Gpus(1), await NodeAsync("arm64")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("ArchNotSupported", await response.CodeAsync());
    }

    [Fact, Trait("rule", "GPU-8")]
    public async Task A_pod_without_the_accelerator_toleration_is_refused_with_TaintNotTolerated()
    {
        var response = await AssignAsync(fx.Member, Pod(Id(), Gpus(1), await NodeAsync(), tolerations: []));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("TaintNotTolerated", problem.GetProperty("code").GetString());
        Assert.Contains("accelerator", problem.GetProperty("remedy").GetString());
    }

    [Fact, Trait("rule", "GPU-6")]
    public async Task A_project_over_its_quota_is_refused_with_QuotaExceeded_and_a_refused_pod_gives_its_quota_back()
    {
        var project = "q-" + Id();
        var member = fx.Client("member", project);
        var quota = new { apiVersion = "gpu.mesh.io/v1", kind = "GpuQuota", metadata = new { name = project }, spec = new { hard = new Dictionary<string, long> { ["nvidia.com/gpu"] = 2 } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync($"/apis/gpu.mesh.io/v1/gpuquotas/{project}", quota)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fx.Admin.PutAsJsonAsync($"/apis/gpu.mesh.io/v1/gpuquotas/{project}", quota)).StatusCode);
        var node = await NodeAsync();

        // Refused for capacity (3 exclusive cards on a 2-card node): the reservation is compensated.
        var tooBig = await AssignAsync(member, Pod(Id(), Gpus(2), node, project, annotations: new() { ["gpu.mesh.io/exclusive"] = "true" }, selector: new() { ["none"] = "x" }));
        Assert.Equal(HttpStatusCode.Conflict, tooBig.StatusCode);
        var used = await (await member.GetAsync($"/apis/gpu.mesh.io/v1/gpuquotas/{project}")).JsonAsync();
        Assert.False(used.GetProperty("status").GetProperty("used").TryGetProperty("nvidia.com/gpu", out _));

        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(member, Pod(Id(), Gpus(1), node, project))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(member, Pod(Id(), Gpus(1), node, project))).StatusCode);
        var over = await AssignAsync(member, Pod(Id(), Gpus(1), node, project));
        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        Assert.Equal("QuotaExceeded", await over.CodeAsync());
    }

    [Fact]
    public async Task A_pod_asking_for_no_gpu_or_a_bad_quantity_is_422_InvalidRequest()
    {
        var node = await NodeAsync();
        var none = await AssignAsync(fx.Member, Pod(Id(), new() { ["cpu"] = "1" }, node));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Equal("InvalidRequest", await none.CodeAsync());
        var half = await AssignAsync(fx.Member, Pod(Id(), new() { ["nvidia.com/gpu"] = "0.5" }, node));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, half.StatusCode);
        Assert.Equal("resources.requests[nvidia.com/gpu]", (await half.JsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_pod_on_a_node_that_never_reported_is_404_NodeNotFound()
    {
        var response = await AssignAsync(fx.Member, Pod(Id(), Gpus(1), "ghost-" + Id()));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NodeNotFound", await response.CodeAsync());
    }
}
