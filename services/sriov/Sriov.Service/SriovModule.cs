using Mesh.Contracts.Ipam;
using Mesh.Contracts.Sriov;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Hosting;
using Mesh.Messaging;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service.Api;
using Mesh.Sriov.Service.Consumers;
using Mesh.Sriov.Service.Handlers;
using Mesh.Sriov.Service.Projections;
using Mesh.Sriov.Service.Publishing;
using Mesh.Sriov.Service.Streams;
using Microsoft.Extensions.Options;

namespace Mesh.Sriov.Service;

/// <summary>The sriov service's registrations and endpoints.</summary>
public static class SriovModule
{
    public static IServiceCollection AddSriov(this IServiceCollection services, MeshOptions mesh)
    {
        services.AddOptions<SriovOptions>().BindConfiguration(SriovOptions.Section)
            .Validate(o => o.Problem() is null, "Mesh:Sriov is invalid (vendors and device ids are 4-digit lowercase hex; MellanoxMaxVfs 1-128)")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SriovOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<SriovOptions>().ToSettings());
        services.AddLeakPolicy();

        services.AddServiceInfrastructure("sriov", mesh, SriovTypes.Register,
            x =>
            {
                x.AddConsumer<AllocatePodVfsConsumer>();
                x.AddConsumer<ReleasePodVfsConsumer>();
                x.AddConsumer<ReportLivePodsConsumer>();
                x.AddConsumer<NodeRemovedConsumer>();
                x.AddRequestClient<AllocateIp>();
            },
            null, typeof(SriovVfsAllocated).Assembly);
        services.AddMigrations(SchemaMigrator.FromAssembly(typeof(SriovModule).Assembly, "sriov"));
        services.AddInlineProjection<SriovIndexProjection>();
        services.AddLogPublisher<SriovContractMapper>();

        services.AddKeyedWriter(sp => new ConfigBehavior(sp.GetRequiredService<SriovSettings>()));
        services.AddKeyedWriter(sp => new NodeBehavior(sp.GetRequiredService<SriovSettings>()));
        services.AddSingleton<SriovIndex>();
        services.AddSingleton<NodeHandler>();
        services.AddSingleton<ConfigHandler>();
        services.AddScoped<VfAllocationHandler>();
        return services;
    }

    public static WebApplication MapSriovApi(this WebApplication app)
    {
        var resources = app.MapGroup("/apis/sriovnetwork.openshift.io/v1/namespaces/{ns}").RequireAuthorization();
        PolicyApi.Map(resources);
        NetworkApi.Map(resources, "sriovnetworks", SriovNetworkKind.SriovNetwork);
        NetworkApi.Map(resources, "sriovibnetworks", SriovNetworkKind.SriovIBNetwork);
        NodeStateApi.Map(resources);
        VfAllocationApi.Map(app.MapGroup("/api/v1").RequireAuthorization());
        return app;
    }
}
