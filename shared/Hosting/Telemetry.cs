using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mesh.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics over OTLP, on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// Built with the SDK directly: the hosting and instrumentation packages are not served here.
/// </summary>
public static class Telemetry
{
    /// <summary>Activity sources traced: the bus, the database driver, the web server and our own.</summary>
    public static readonly string[] Sources = ["MassTransit", "Npgsql", "Microsoft.AspNetCore", "Mesh.Messaging", "Mesh.Hosting"];

    /// <summary>Meters exported.</summary>
    public static readonly string[] Meters = ["MassTransit", "Npgsql", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Mesh.Messaging", "Mesh.EventStore"];

    /// <summary>Registers the providers when an OTLP endpoint is configured.</summary>
    public static IServiceCollection AddMeshTelemetry(this IServiceCollection services, string serviceName, string? otlpEndpoint)
    {
        if (string.IsNullOrWhiteSpace(otlpEndpoint))
        {
            return services;
        }
        var resource = ResourceBuilder.CreateDefault().AddService("mesh-" + serviceName);
        var endpoint = new Uri(otlpEndpoint);
        var tracer = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(Sources)
            .AddOtlpExporter(o => o.Endpoint = endpoint)
            .Build();
        var meter = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(Meters)
            .AddOtlpExporter(o => o.Endpoint = endpoint)
            .Build();
        services.AddSingleton(tracer);
        services.AddSingleton(meter);
        return services;
    }
}
