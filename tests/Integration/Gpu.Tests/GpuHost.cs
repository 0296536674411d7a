using Mesh.Gpu.Service;
using Mesh.Hosting;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Mesh.Gpu.Tests;

/// <summary>The gpu service in process, over a test database and virtual host; two of them are two replicas.</summary>
public static class GpuHost
{
    public static async Task<WebApplication> StartAsync(TestDatabase db, TestVirtualHost vhost, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Mesh:Postgres"] = db.ConnectionString;
        builder.Configuration["Mesh:RabbitMq:Url"] = vhost.Url;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }
        var mesh = builder.AddServiceDefaults("gpu");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGpu(mesh);
        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGpuApi();
        await app.StartAsync();
        return app;
    }
}
