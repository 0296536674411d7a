using Mesh.Hosting;

namespace Mesh.Ipam.Service;

/// <summary>The ipam service's registrations and endpoints.</summary>
public static class IpamModule
{
    public static IServiceCollection AddIpam(this IServiceCollection services, MeshOptions mesh)
    {
        services.AddServiceInfrastructure("ipam", mesh, types => { });
        return services;
    }

    public static WebApplication MapIpamApi(this WebApplication app) => app;
}
