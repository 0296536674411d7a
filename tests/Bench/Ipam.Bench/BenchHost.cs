using MassTransit;
using Mesh.Contracts.Vpc;
using Mesh.EventSourcing;
using Mesh.Ipam.Service;
using Mesh.Messaging;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mesh.Ipam.Bench;

/// <summary>In-process IPAM replicas (Kestrel on a free loopback port) and a client bus.</summary>
public static class BenchHost
{
    public static async Task<WebApplication> StartReplicaAsync(TestDatabase db, TestVirtualHost vhost)
    {
        LogContext.Current = null;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Mesh:Postgres"] = db.ConnectionString;
        builder.Configuration["Mesh:RabbitMq:Url"] = vhost.Url;
        builder.Configuration["Logging:LogLevel:Default"] = "Error";
        builder.Configuration["Logging:LogLevel:MassTransit"] = "None";
        var mesh = Mesh.Hosting.ServiceDefaults.AddServiceDefaults(builder, "ipam");
        builder.Services.AddIpam(mesh);
        var app = builder.Build();
        Mesh.Hosting.ServiceDefaults.MapServiceDefaults(app);
        app.MapIpamApi();
        await app.StartAsync();
        return app;
    }

    public static async Task<IHost> StartClientAsync(TestVirtualHost vhost)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        builder.Services.AddMeshMessaging("bench", new MessagingOptions { Url = vhost.Url });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static async Task AnnounceAsync(IBus bus, WebApplication replica, string name, string cidr, string gateway)
    {
        await bus.Publish(new SubnetAnnounced(name, "ovn-cluster", cidr, gateway, [gateway], true, [], [], "ovn", "IPv4", false));
        var pools = replica.Services.GetRequiredService<PoolWriter>();
        await Eventually.TrueAsync(async () => await pools.QueryAsync(name, s => s.Exists), $"pool {name}", TimeSpan.FromSeconds(60));
    }

    public static EventMetadata Meta => new("bench", Guid.NewGuid(), CommandType: "AllocateIp");
}
