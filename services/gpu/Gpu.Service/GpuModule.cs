using Mesh.Hosting;

namespace Mesh.Gpu.Service;

/// <summary>The gpu service's registrations and endpoints.</summary>
public static class GpuModule
{
    public static IServiceCollection AddGpu(this IServiceCollection services, MeshOptions mesh)
    {
        services.AddServiceInfrastructure("gpu", mesh, types => { });
        return services;
    }

    public static WebApplication MapGpuApi(this WebApplication app) => app;
}
