using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Hosting;
using Mesh.Ipam.Domain;
using Mesh.Ipam.Service.Api;
using Mesh.Ipam.Service.Consumers;
using Mesh.Ipam.Service.Directory;
using Mesh.Ipam.Service.Handlers;
using Mesh.Ipam.Service.Pools;
using Mesh.Ipam.Service.Projections;
using Mesh.Messaging;
using Microsoft.Extensions.Options;

namespace Mesh.Ipam.Service;

/// <summary>The ipam service's registrations and endpoints.</summary>
public static class IpamModule
{
    public static IServiceCollection AddIpam(this IServiceCollection services, MeshOptions mesh)
    {
        services.AddOptions<IpamOptions>()
            // IPAM-11b: one leak policy for addresses, VFs and GPUs: Mesh:Leaks (as SR-IOV and GPU read it), unless
            // Mesh:Ipam:Leak* says otherwise for addresses alone.
            .Configure<IConfiguration>((o, config) =>
            {
                var leaks = config.GetSection(Mesh.Contracts.Leaks.LeakPolicy.Section);
                o.LeakGrace = leaks.GetValue("Grace", o.LeakGrace);
                o.LeakReports = leaks.GetValue("Reports", o.LeakReports);
                o.LeakMaxShare = leaks.GetValue("MaxShare", o.LeakMaxShare);
            })
            .BindConfiguration(IpamOptions.Section)
            .Validate(o => !o.Problems().Any(), "Mesh:Ipam is invalid: Quarantine >= 0, LeakGrace > 0, SnapshotEvery >= 10")
            .ValidateOnStart();
        services.AddServiceInfrastructure("ipam", mesh, RegisterTypes, x =>
        {
            // Many requests in flight per replica is what lets the pool's writer decide them together.
            x.AddConsumer<AllocateIpConsumer>().Endpoint(e => (e.PrefetchCount, e.ConcurrentMessageLimit) = (512, 512));
            x.AddConsumer<ReleaseIpConsumer>().Endpoint(e => (e.PrefetchCount, e.ConcurrentMessageLimit) = (256, 256));
            x.AddConsumer<ReportLivePodsConsumer>();
            x.AddConsumer<NodeRemovedConsumer>();
            x.AddConsumer<SubnetAnnouncedConsumer>();
            x.AddConsumer<VpcAnnouncedConsumer>();
            x.AddConsumer<SriovIpRangeAnnouncedConsumer>();
            x.AddConsumer<SriovIpRangeRemovedConsumer>();
            x.AddConsumer<NatGatewayAnnouncedConsumer>();
            x.AddConsumer<NatGatewayRemovedConsumer>();
            x.AddConsumer<SubnetDeletionRequestedConsumer>();
            x.AddConsumer<SubnetChangeRequestedConsumer>();
            x.AddConsumer<SubnetRemovedConsumer>();
            x.AddConsumer<SubnetDeletionAbortedConsumer>();
        }, null, typeof(Mesh.Contracts.Ipam.AddressAllocated).Assembly);
        services.AddMigrations(SchemaMigrator.FromAssembly(typeof(IpamModule).Assembly, "ipam"));
        services.AddInlineProjection<DirectoryProjection>();
        services.AddInlineProjection<AllocationIndexProjection>();
        services.AddAsyncProjection<AddressHistoryProjection>();
        services.AddLogPublisher<IpamContractMapper>();

        services.AddSingleton<PoolSnapshotCodec>();
        services.AddSingleton<PoolBehavior>();
        services.AddKeyedWriter(sp => sp.GetRequiredService<PoolBehavior>());
        services.AddSingleton<SubnetDirectoryCache>();
        services.AddSingleton<IpamQueries>();
        services.AddSingleton<AllocationHandler>();
        services.AddSingleton<PoolEventsHandler>();
        services.AddSingleton<DeletionSagaHandler>();
        services.AddSingleton<UsageTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageTracker>());
        return services;
    }

    public static WebApplication MapIpamApi(this WebApplication app)
    {
        app.MapGroup("/api/v1").RequireAuthorization().MapAllocations().MapAddresses().MapSubnets();
        return app;
    }

    private static void RegisterTypes(EventTypeRegistry types)
    {
        foreach (var (type, name) in IpamEventTypes.Names)
        {
            types.Register(type, name);
        }
        types.Register<VpcRecorded>("ipam.vpc-recorded.v1");
        types.Register<PoolDeletionAnswered>("ipam.pool-deletion-answered.v1");
        types.Register<PoolChangeAnswered>("ipam.pool-change-answered.v1");
    }
}
