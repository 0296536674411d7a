using MassTransit;
using Mesh.Contracts.Fip;
using Mesh.Contracts.Ipam;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Fip.Domain.Events;
using Mesh.Fip.Domain.State;
using Mesh.Fip.Service.Api;
using Mesh.Fip.Service.Consumers;
using Mesh.Fip.Service.Handlers;
using Mesh.Fip.Service.Projections;
using Mesh.Fip.Service.World;
using Mesh.Fip.Service.Writing;
using Mesh.Hosting;
using Mesh.Messaging;
using Microsoft.Extensions.Options;

namespace Mesh.Fip.Service;

/// <summary>The fip service's registrations and endpoints.</summary>
public static class FipModule
{
    public static IServiceCollection AddFip(this IServiceCollection services, MeshOptions mesh)
    {
        services.AddOptions<FipOptions>().BindConfiguration(FipOptions.Section)
            .Validate(o => o.DefaultQuota >= 0 && o.ProjectQuotas.Values.All(q => q >= 0), "Mesh:Fip quotas must not be negative")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DefaultGatewayNode), "Mesh:Fip:DefaultGatewayNode is required")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FipOptions>>().Value);
        services.AddServiceInfrastructure("fip", mesh, types =>
        {
            foreach (var (type, name) in FipEventTypes.Names)
            {
                types.Register(type, name);
            }
        }, Consumers, ConfigureBus, typeof(FipRuleAdded).Assembly);
        services.AddMigrations(SchemaMigrator.FromAssembly(typeof(FipModule).Assembly, "fip"));
        services.AddInlineProjection<FipCatalogProjection>();
        services.AddLogPublisher<FipContractMapper>();
        services.AddSingleton<IStreamBehavior<FipPoolState, object, PoolOutcome>, FipPoolBehavior>();
        services.AddKeyedWriter(sp => sp.GetRequiredService<IStreamBehavior<FipPoolState, object, PoolOutcome>>());
        services.AddSingleton<FipWriter>();
        services.AddSingleton<Catalog>();
        services.AddSingleton<WorldModel>();
        services.AddSingleton<WorldWriter>();
        services.AddSingleton<TargetResolver>();
        services.AddSingleton<PoolHandler>();
        services.AddSingleton<PoolsAsOf>();
        services.AddSingleton<AllocationHandler>();
        services.AddSingleton<AssociationHandler>();
        services.AddSingleton<ReclaimHandler>();
        services.AddSingleton<PodNatHandler>();
        return services;
    }

    public static WebApplication MapFipApi(this WebApplication app)
    {
        var api = app.MapGroup("").RequireAuthorization();
        FipPoolApi.Map(api);
        OvnEipApi.Map(api);
        OvnRuleApi.Map(api);
        PodNatApi.Map(api);
        return app;
    }

    private static void Consumers(IBusRegistrationConfigurator x)
    {
        x.AddConsumer<AllocateFipConsumer>();
        x.AddConsumer<ReleaseFipConsumer>();
        x.AddConsumer<AssociateFipConsumer>();
        x.AddConsumer<DisassociateFipConsumer>();
        x.AddConsumer<ApplyPodNatConsumer>();
        x.AddConsumer<ReleasePodNatConsumer>();
        x.AddConsumer<ExternalNetworkConsumer>();
        x.AddConsumer<VpcConsumer>();
        x.AddConsumer<SubnetConsumer>();
        x.AddConsumer<NatGatewayConsumer>();
        x.AddConsumer<AddressAllocatedConsumer>().ExcludeFromConfigureEndpoints();
        x.AddConsumer<AddressReleasedConsumer>().ExcludeFromConfigureEndpoints();
    }

    // IPAM's address events are node-scoped: this service binds every node.
    private static void ConfigureBus(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator cfg)
    {
        cfg.ReceiveEndpoint("fip-address-allocated", e =>
        {
            e.BindNodeScoped<AddressAllocated>();
            e.ConfigureConsumer<AddressAllocatedConsumer>(context);
        });
        cfg.ReceiveEndpoint("fip-address-released", e =>
        {
            e.BindNodeScoped<AddressReleased>();
            e.ConfigureConsumer<AddressReleasedConsumer>(context);
        });
    }
}
