using System.Text.Json.Nodes;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Hosting;
using Mesh.Messaging;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Api;
using Mesh.Vpc.Service.Consumers;
using Mesh.Vpc.Service.Handlers;
using Mesh.Vpc.Service.Publishing;
using Microsoft.Extensions.Options;

namespace Mesh.Vpc.Service;

/// <summary>The vpc service's registrations and endpoints.</summary>
public static class VpcModule
{
    public static IServiceCollection AddVpc(this IServiceCollection services, MeshOptions mesh)
    {
        services.AddOptions<TopologySettings>().BindConfiguration("Mesh:Vpc").ValidateOnStart();
        services.AddSingleton<IValidateOptions<TopologySettings>, TopologySettingsValidation>();
        services.AddOptions<DefaultExternalNetworkOptions>().BindConfiguration(DefaultExternalNetworkOptions.Section)
            .Validate(o => o.Problem() is null, $"{DefaultExternalNetworkOptions.Section} is invalid: Id, Name and Cidr together").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TopologySettings>>().Value);
        services.AddOptions<VpcSagaOptions>().BindConfiguration(VpcSagaOptions.Section)
            .Validate(o => o.DeletionWait >= TimeSpan.Zero && o.RepublishInterval > TimeSpan.Zero,
                "Mesh:Vpc:Saga: DeletionWait must not be negative and RepublishInterval must be positive")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<VpcSagaOptions>>().Value);

        services.AddServiceInfrastructure("vpc", mesh,
            types =>
            {
                foreach (var (type, name) in TopologyEventTypes.Names)
                {
                    types.Register(type, name);
                }
            },
            bus =>
            {
                bus.AddConsumer<SubnetDeletionPreparedConsumer>();
                bus.AddConsumer<SubnetDeletionRefusedConsumer>();
                bus.AddConsumer<SubnetChangeAcceptedConsumer>();
                bus.AddConsumer<SubnetChangeRefusedConsumer>();
                bus.AddConsumer<SubnetUsageChangedConsumer>();
            },
            null,
            typeof(Mesh.Contracts.Vpc.SubnetAnnounced).Assembly);
        services.AddLogPublisher<TopologyContractMapper>();

        services.AddSingleton<ResourceViews>();
        services.AddSingleton<TopologyBehavior>();
        services.AddKeyedWriter(sp => sp.GetRequiredService<TopologyBehavior>());
        services.AddSingleton<TopologyService>();
        services.AddSingleton<SubnetDeletion>();
        services.AddSingleton<SubnetChange>();
        services.AddHostedService<TopologyBootstrapper>();
        services.AddHostedService<DeletionSagaRepublisher>();
        return services;
    }

    public static WebApplication MapVpcApi(this WebApplication app)
    {
        var apis = app.MapGroup("/apis").RequireAuthorization();
        VpcApi.Map(apis, app.Services.GetRequiredService<ResourceViews>());
        return app;
    }
}
