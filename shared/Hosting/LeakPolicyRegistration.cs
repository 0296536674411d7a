using Mesh.Contracts.Leaks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mesh.Hosting;

/// <summary>IPAM-11b: the one leak policy (section <c>Mesh:Leaks</c>) of the services that reclaim VFs and GPUs, validated at start.</summary>
public static class LeakPolicyRegistration
{
    public static IServiceCollection AddLeakPolicy(this IServiceCollection services)
    {
        services.AddOptions<LeakPolicy>().BindConfiguration(LeakPolicy.Section)
            .Validate(p => !p.Problems().Any(), "Mesh:Leaks is invalid: Grace > 0, Reports >= 1, MaxShare in (0, 1]")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LeakPolicy>>().Value);
        return services;
    }
}
