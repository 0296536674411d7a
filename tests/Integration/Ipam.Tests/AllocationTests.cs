using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mesh.Contracts.Vpc;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;

namespace Mesh.Ipam.Tests;

public sealed class AllocationTests(AllocationTests.Fixture fx) : IClassFixture<AllocationTests.Fixture>
{
    private WebApplication _app => fx.App;
    private ClientBus _bus => fx.Bus;

    public sealed class Fixture : IAsyncLifetime
    {
        private TestDatabase _db = null!;
        private TestVirtualHost _vhost = null!;
        public WebApplication App { get; private set; } = null!;
        public ClientBus Bus { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _db = await TestDatabase.CreateAsync("ipamalloc");
            _vhost = await TestVirtualHost.CreateAsync("ipamalloc");
            App = await IpamHost.StartAsync(_db, _vhost);
            Bus = await ClientBus.StartAsync(_vhost.Url);
            var (_app, _bus) = (App, Bus);
            await _bus.Bus.Publish(ClientBus.Subnet("net30", "10.30.0.0/24", "10.30.0.1"));
            await _bus.Bus.Publish(ClientBus.Subnet("team-a", "10.31.0.0/24", "10.31.0.1", namespaces: ["team-a"]));
            await _bus.Bus.Publish(ClientBus.Subnet("ovn-default", "10.16.0.0/16", "10.16.0.1", isDefault: true));
            await _bus.Bus.Publish(ClientBus.Subnet("only-p1", "10.32.0.0/24", "10.32.0.1", projects: ["p1"]));
            foreach (var s in new[] { "net30", "team-a", "ovn-default", "only-p1" })
            {
                await Wait.ForPoolAsync(_app, s);
            }
        }

        public async Task DisposeAsync()
        {
            await Bus.DisposeAsync();
            await App.DisposeAsync();
            await _vhost.DisposeAsync();
            await _db.DisposeAsync();
        }
    }

    [Fact]
    [Trait("rule", "IPAM-5")]
    public async Task A_static_address_held_by_another_pod_is_refused_naming_the_holder()
    {
        Assert.Equal("10.30.0.10", (await _bus.AllocateAsync(ClientBus.Pod("s-a", "net30", ip: "10.30.0.10"))).Ok!.IpAddress);
        var (_, no) = await _bus.AllocateAsync(ClientBus.Pod("s-b", "net30", ip: "10.30.0.10"));
        Assert.Equal("IpConflict", no!.Code);
        Assert.Contains("pod default/pod-s-a (uid s-a", no.Message);
        Assert.Equal("IpReserved", (await _bus.AllocateAsync(ClientBus.Pod("s-c", "net30", ip: "10.30.0.1"))).No!.Code);
        Assert.Equal("IpOutOfRange", (await _bus.AllocateAsync(ClientBus.Pod("s-d", "net30", ip: "10.99.0.1"))).No!.Code);
    }

    [Fact]
    [Trait("rule", "IPAM-4")]
    [Trait("rule", "IPAM-9")]
    public async Task The_same_owner_gets_the_same_address_and_releasing_twice_is_not_an_error()
    {
        var first = (await _bus.AllocateAsync(ClientBus.Pod("o-1", "net30"))).Ok!;
        Assert.Equal(first, (await _bus.AllocateAsync(ClientBus.Pod("o-1", "net30"))).Ok);
        Assert.Equal([first.IpAddress], (await _bus.ReleaseAsync("o-1")).Released);
        Assert.Empty((await _bus.ReleaseAsync("o-1")).Released);
    }

    [Fact]
    [Trait("rule", "SUB-10")]
    public async Task A_project_not_in_the_subnets_projectIDs_is_Forbidden()
    {
        Assert.Equal("Forbidden", (await _bus.AllocateAsync(ClientBus.Pod("f-1", "only-p1", project: "p2"))).No!.Code);
        Assert.NotNull((await _bus.AllocateAsync(ClientBus.Pod("f-2", "only-p1", project: "p1"))).Ok);
    }

    [Fact]
    [Trait("rule", "IPAM-3")]
    public async Task Without_an_explicit_subnet_the_namespaces_subnet_then_the_VPC_default_is_chosen()
    {
        Assert.Equal("team-a", (await _bus.AllocateAsync(ClientBus.Pod("c-1", null, ns: "team-a"))).Ok!.Subnet);
        Assert.Equal("ovn-default", (await _bus.AllocateAsync(ClientBus.Pod("c-2", null, ns: "elsewhere"))).Ok!.Subnet);
        Assert.Equal("net30", (await _bus.AllocateAsync(ClientBus.Pod("c-3", "net30", ns: "team-a"))).Ok!.Subnet);
        Assert.Equal("SubnetNotFound", (await _bus.AllocateAsync(ClientBus.Pod("c-4", "nope"))).No!.Code);
    }

    [Fact]
    public async Task A_NAT_gateways_LAN_address_is_reserved_until_the_gateway_goes()
    {
        await _bus.Bus.Publish(new NatGatewayAnnounced("gw1", "ovn-cluster", "net30", "10.30.0.254", new Dictionary<string, string>()));
        var admin = IpamHost.Http(_app, IpamHost.Admin());
        await Eventually.TrueAsync(async () => (await admin.GetStringAsync("/api/v1/addresses/10.30.0.254")).Contains("natgw:gw1"), "reserved");
        Assert.Contains("natgw:gw1", (await _bus.AllocateAsync(ClientBus.Pod("n-1", "net30", ip: "10.30.0.254"))).No!.Message);
        await _bus.Bus.Publish(new NatGatewayRemoved("gw1", "ovn-cluster", "net30", "10.30.0.254"));
        await Eventually.TrueAsync(async () => (await _bus.AllocateAsync(ClientBus.Pod("n-1", "net30", ip: "10.30.0.254"))).Ok is not null, "freed");
    }

    [Fact]
    [Trait("rule", "COMMON-5")]
    public async Task Http_allocates_and_releases_within_the_callers_project_and_refuses_others()
    {
        var member = IpamHost.Http(_app, IpamHost.Member("p1"));
        var ok = await member.PostAsJsonAsync("/api/v1/allocations", ClientBus.Pod("h-1", "net30"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var other = IpamHost.Http(_app, IpamHost.Member("p2"));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/v1/allocations", ClientBus.Pod("h-2", "net30"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync("/api/v1/allocations/h-1")).StatusCode);
        var released = await (await member.DeleteAsync("/api/v1/allocations/h-1")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(released.GetProperty("released").EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await IpamHost.Http(_app, null).PostAsJsonAsync("/api/v1/allocations", ClientBus.Pod("h-3", "net30"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/v1/nodes/n1/live-pods", new { podUids = Array.Empty<string>() })).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/v1/allocations", "{\"project\": ", 400, "MalformedDocument")]
    [InlineData("POST", "/api/v1/allocations", "{\"project\":\"p1\"}", 400, "MalformedDocument")]
    [InlineData("POST", "/api/v1/allocations", "{\"project\":\"p1\",\"podUid\":\"\",\"podNamespace\":\"d\",\"podName\":\"x\",\"node\":\"n1\",\"subnet\":\"net30\"}", 422, "MissingField")]
    [InlineData("POST", "/api/v1/allocations", "{\"project\":\"p1\",\"podUid\":\"u\",\"podNamespace\":\"d\",\"podName\":\"x\",\"node\":\"n1\",\"subnet\":\"net30\",\"macAddress\":\"zz\"}", 422, "InvalidMac")]
    [InlineData("POST", "/api/v1/allocations", "{\"project\":\"p1\",\"podUid\":\"u\",\"podNamespace\":\"d\",\"podName\":\"x\",\"node\":\"n1\",\"subnet\":\"net30\",\"ipAddress\":\"10.30\"}", 422, "InvalidIp")]
    [InlineData("GET", "/api/v1/addresses/not-an-ip", null, 422, "InvalidIp")]
    [InlineData("GET", "/api/v1/addresses/10.30.0.5/history?at=yesterday", null, 422, "InvalidField")]
    [InlineData("GET", "/api/v1/subnets/unknown/usage", null, 404, "PoolNotFound")]
    [InlineData("POST", "/api/v1/nodes/n1/live-pods", "{}", 422, "MissingField")]
    public async Task Bad_input_over_http_is_a_4xx_problem_with_a_code_never_a_500(string method, string path, string? body, int status, string code)
    {
        var http = IpamHost.Http(_app, IpamHost.Admin());
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        var response = await http.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
