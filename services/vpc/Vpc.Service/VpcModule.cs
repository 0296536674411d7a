using Mesh.Hosting;

namespace Mesh.Vpc.Service;

/// <summary>The vpc service's registrations and endpoints.</summary>
public static class VpcModule
{
    public static IServiceCollection AddVpc(this IServiceCollection services, MeshOptions mesh)
    {
        services.AddServiceInfrastructure("vpc", mesh, types => { });
        return services;
    }

    public static WebApplication MapVpcApi(this WebApplication app) => app;
}
