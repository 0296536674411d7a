using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mesh.Hosting;
using Mesh.Testing;
using Mesh.Vpc.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Mesh.Vpc.Tests;

// The vpc service in-process over a test database and virtual host, as Program.cs builds it.
public sealed class VpcHost : IAsyncDisposable
{
    public static readonly AuthOptions Auth = new();
    public static readonly string Admin = DevTokens.Mint(Auth, "root", "platform", MeshPrincipal.AdminRole);

    private VpcHost(WebApplication app)
    {
        App = app;
        Http = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public static string Member(string project) => DevTokens.Mint(Auth, "user-" + project, project, "member");

    public static async Task<VpcHost> StartAsync(TestDatabase db, TestVirtualHost vhost, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Mesh:Postgres"] = db.ConnectionString;
        builder.Configuration["Mesh:RabbitMq:Url"] = vhost.Url;
        // Seed 004's subnet-secondary (10.100.0.0/16) lies in the default service CIDR 10.96.0.0/12;
        // that cluster runs another primary CNI with another service CIDR (examples/vpc/README.md).
        builder.Configuration["Mesh:Vpc:ServiceCidr"] = "172.30.0.0/16";
        // DELETE answers as soon as IPAM does; the wait only bounds a missing answer, and a loaded CI machine
        // can take more than a few seconds for the first round trip of a fresh bus.
        builder.Configuration["Mesh:Vpc:Saga:DeletionWait"] = "00:00:30";
        builder.Configuration["Mesh:Vpc:Saga:RepublishInterval"] = "00:00:30";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }
        var mesh = builder.AddServiceDefaults("vpc");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddVpc(mesh);
        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapVpcApi();
        await app.StartAsync();
        return new VpcHost(app);
    }

    public static string Example(string file) => File.ReadAllText(Path.Combine(TestServers.RepositoryRoot, "examples", "vpc", file));

    public Task<HttpResponseMessage> PutAsync(string path, string body, string? token = null, string? ifMatch = null) =>
        SendAsync(HttpMethod.Put, path, body, token ?? Admin, ifMatch);

    public Task<HttpResponseMessage> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, null, token ?? Admin);

    public Task<HttpResponseMessage> DeleteAsync(string path, string? token = null) => SendAsync(HttpMethod.Delete, path, null, token ?? Admin);

    public async Task<JsonElement> GetJsonAsync(string path, string? token = null)
    {
        var response = await GetAsync(path, token);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, string? token, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            var yaml = !body.TrimStart().StartsWith('{');
            request.Content = new StringContent(body, Encoding.UTF8, yaml ? "application/yaml" : "application/json");
        }
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
