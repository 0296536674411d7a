using System.Net.Http.Headers;
using Mesh.Hosting;
using Mesh.Sriov.Service;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Mesh.Sriov.Tests;

/// The SR-IOV service in process over a test database and virtual host.
public static class SriovHost
{
    public static readonly AuthOptions Auth = new();

    public static async Task<WebApplication> StartAsync(TestDatabase db, TestVirtualHost vhost, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Mesh:Postgres"] = db.ConnectionString;
        builder.Configuration["Mesh:RabbitMq:Url"] = vhost.Url;
        builder.Configuration["Mesh:Sriov:IpamTimeoutSeconds"] = "5";
        configure?.Invoke(builder);
        var mesh = builder.AddServiceDefaults("sriov");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSriov(mesh);
        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapSriovApi();
        await app.StartAsync();
        return app;
    }

    public static HttpClient Client(WebApplication app, string role = MeshPrincipal.AdminRole, string project = "platform", string subject = "tester")
    {
        var http = app.GetTestClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevTokens.Mint(Auth, subject, project, role));
        return http;
    }
}
