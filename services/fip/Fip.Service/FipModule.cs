using Mesh.Hosting;

namespace Mesh.Fip.Service;

/// <summary>The fip service's registrations and endpoints.</summary>
public static class FipModule
{
    public static IServiceCollection AddFip(this IServiceCollection services, MeshOptions mesh)
    {
        services.AddServiceInfrastructure("fip", mesh, types => { });
        return services;
    }

    public static WebApplication MapFipApi(this WebApplication app) => app;
}
