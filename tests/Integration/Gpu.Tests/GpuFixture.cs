using System.Net.Http.Headers;
using Mesh.Hosting;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Mesh.Gpu.Tests;

/// <summary>A database, a virtual host and one service per test class; tests use their own node names and pod uids.</summary>
public class GpuFixture : IAsyncLifetime
{
    private readonly AuthOptions auth = new();

    public TestDatabase Db { get; private set; } = null!;
    public TestVirtualHost Vhost { get; private set; } = null!;
    public WebApplication App { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync("gpu");
        Vhost = await TestVirtualHost.CreateAsync("gpu");
        App = await GpuHost.StartAsync(Db, Vhost, Settings);
    }

    /// <summary>Settings of this fixture's service beyond the test defaults.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public HttpClient Client(string role, string project = "p1", WebApplication? app = null)
    {
        var http = (app ?? App).GetTestClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevTokens.Mint(auth, $"{role}-user", project, role));
        return http;
    }

    public HttpClient Admin => Client(MeshPrincipal.AdminRole, "platform");
    public HttpClient Agent => Client("node", "platform");
    public HttpClient Member => Client("member", "p1");

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Vhost.DisposeAsync();
        await Db.DisposeAsync();
    }
}
