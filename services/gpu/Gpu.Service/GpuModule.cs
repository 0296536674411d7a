using Mesh.Contracts.Gpu;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Gpu.Domain;
using Mesh.Gpu.Service.Api;
using Mesh.Gpu.Service.Consumers;
using Mesh.Gpu.Service.Handlers;
using Mesh.Gpu.Service.Projections;
using Mesh.Hosting;
using Mesh.Messaging;
using Microsoft.Extensions.Options;

namespace Mesh.Gpu.Service;

/// <summary>The gpu service's registrations and endpoints.</summary>
public static class GpuModule
{
    public static IServiceCollection AddGpu(this IServiceCollection services, MeshOptions mesh)
    {
        services.AddServiceInfrastructure("gpu", mesh,
            types =>
            {
                foreach (var (type, name) in GpuEventTypes.Names)
                {
                    types.Register(type, name);
                }
            },
            x =>
            {
                x.AddConsumer<ReportGpuInventoryConsumer>();
                x.AddConsumer<ReportGpuDeviceHealthConsumer>();
                x.AddConsumer<AssignPodGpusConsumer>();
                x.AddConsumer<ReleasePodGpusConsumer>();
                x.AddConsumer<ReportLivePodsConsumer>();
                x.AddConsumer<NodeRemovedConsumer>();
            },
            null,
            typeof(PodGpusAssigned).Assembly);
        services.AddMigrations(SchemaMigrator.FromAssembly(typeof(GpuModule).Assembly, "gpu"));
        services.AddInlineProjection<GpuNodeProjection>();
        services.AddLogPublisher<GpuContractMapper>();

        services.AddOptions<GpuOptions>().BindConfiguration(GpuOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GpuOptions>>().Value);
        services.AddLeakPolicy();
        services.AddKeyedWriter(_ => new GpuNodeBehavior());
        services.AddKeyedWriter(_ => new GpuQuotaBehavior());
        services.AddSingleton<ClusterView>();
        services.AddSingleton<GpuNodes>();
        services.AddSingleton<GpuAssignments>();
        return services;
    }

    public static WebApplication MapGpuApi(this WebApplication app)
    {
        app.MapGroup("/apis/gpu.mesh.io/v1")
            .RequireAuthorization()
            .MapGpuNodes()
            .MapAssignments()
            .MapQuotas();
        return app;
    }
}
