using System.Text;
using Mesh.Contracts;
using Mesh.EventSourcing;
using Mesh.Messaging;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using MassTransit;
using Mesh.Hosting.Admin;

namespace Mesh.Hosting;

/// <summary>What every service host shares: options, auth, problem details, health, telemetry, logs.</summary>
public static class ServiceDefaults
{
    /// <summary>
    /// Options bound and validated at start, JSON problem details with the error code, bearer auth with
    /// project/role claims, OpenTelemetry over OTLP, structured logs carrying the trace id, health checks.
    /// </summary>
    public static MeshOptions AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        var section = builder.Configuration.GetSection(MeshOptions.Section);
        var options = section.Get<MeshOptions>() ?? new MeshOptions();
        if (string.IsNullOrWhiteSpace(options.Postgres))
        {
            options.Postgres = $"Host=127.0.0.1;Port=55432;Username=mesh;Password=mesh;Database=mesh_{serviceName}";
        }
        builder.Services.AddOptions<MeshOptions>().Configure(o =>
        {
            o.Postgres = options.Postgres;
            o.RabbitMq = options.RabbitMq;
            o.Auth = options.Auth;
        }).ValidateDataAnnotations().Validate(o => o.Auth.SigningKey.Length >= 32, "Mesh:Auth:SigningKey must be at least 32 characters").ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MeshOptions>>().Value);

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        // Problems the framework writes itself still carry a code a client can switch on.
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions.TryAdd("code", c.ProblemDetails.Status switch
            {
                400 => ErrorCodes.Malformed,
                401 => ErrorCodes.Unauthenticated,
                403 => ErrorCodes.Forbidden,
                404 => ErrorCodes.NotFound,
                405 => "MethodNotAllowed",
                415 => "UnsupportedMediaType",
                _ => c.ProblemDetails.Title ?? "Error",
            });
            c.ProblemDetails.Extensions.TryAdd("message", c.ProblemDetails.Detail ?? c.ProblemDetails.Title);
        });
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new NulFreeString()));
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Auth.Issuer,
                ValidAudience = options.Auth.Audience,
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Auth.SigningKey)),
                NameClaimType = "sub",
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        builder.Services.AddAuthorization();

        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        builder.Services.AddMeshTelemetry(serviceName, builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        return options;
    }

    /// <summary>
    /// The service's event store (its own database, its event types) and its bus (its consumers, the
    /// node-scoped contracts of <paramref name="contractAssemblies"/>).
    /// </summary>
    public static IServiceCollection AddServiceInfrastructure(this IServiceCollection services, string serviceName, MeshOptions options,
        Action<EventTypeRegistry> types, Action<IBusRegistrationConfigurator>? consumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus = null, params System.Reflection.Assembly[] contractAssemblies)
    {
        services.AddMeshEventStore(options.Postgres, types);
        services.AddMeshMessaging(serviceName, options.RabbitMq, consumers, configureBus, contractAssemblies);
        return services;
    }

    /// <summary>Health endpoints (<c>/health/live</c>, <c>/health/ready</c>), problem details, auth, OpenAPI.</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.Use((http, next) => Resources.IgnoredFields.CollectAsync(http, next));
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapEventAdminApi();
        return app;
    }
}
