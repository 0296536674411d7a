using Mesh.Hosting;
using Mesh.Ipam.Service;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Mesh.Ipam.Tests;

/// <summary>An in-process IPAM replica over a test database and virtual host.</summary>
public static class IpamHost
{
    public static readonly AuthOptions Auth = new();

    public static async Task<WebApplication> StartAsync(TestDatabase db, TestVirtualHost vhost, IDictionary<string, string?>? settings = null)
    {
        var app = Build(db, vhost, settings);
        await app.StartAsync();
        return app;
    }

    public static WebApplication Build(TestDatabase db, TestVirtualHost vhost, IDictionary<string, string?>? settings = null)
    {
        // MassTransit keeps its log context in an AsyncLocal: one of a host disposed earlier in this flow must not be reused.
        MassTransit.LogContext.Current = null;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Mesh:Postgres"] = db.ConnectionString;
        builder.Configuration["Mesh:RabbitMq:Url"] = vhost.Url;
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:MassTransit"] = "Error";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }
        var mesh = builder.AddServiceDefaults("ipam");
        builder.Services.AddIpam(mesh);
        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapIpamApi();
        return app;
    }

    public static HttpClient Http(WebApplication app, string? token)
    {
        var http = app.GetTestClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }

    public static string Admin() => DevTokens.Mint(Auth, "root", "platform", MeshPrincipal.AdminRole);

    public static string Member(string project) => DevTokens.Mint(Auth, "alice", project, "member");
}
