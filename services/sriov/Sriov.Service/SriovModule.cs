using Mesh.Hosting;

namespace Mesh.Sriov.Service;

/// <summary>The sriov service's registrations and endpoints.</summary>
public static class SriovModule
{
    public static IServiceCollection AddSriov(this IServiceCollection services, MeshOptions mesh)
    {
        services.AddServiceInfrastructure("sriov", mesh, types => { });
        return services;
    }

    public static WebApplication MapSriovApi(this WebApplication app) => app;
}
