using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mesh.EventSourcing.Actors;

/// <summary>The one way a service registers its single writers per key.</summary>
public static class KeyedWriterServiceCollectionExtensions
{
    /// <summary>
    /// A <see cref="KeyedWriter{TState, TCommand, TResult}"/> singleton over the service's event store, with the
    /// service's <see cref="KeyedWriterOptions"/> (bound from <c>Mesh:Writers</c>, validated at start) and clock.
    /// </summary>
    public static IServiceCollection AddKeyedWriter<TState, TCommand, TResult>(this IServiceCollection services,
        Func<IServiceProvider, IStreamBehavior<TState, TCommand, TResult>> behavior)
    {
        services.AddKeyedWriterOptions();
        services.AddSingleton(sp => new KeyedWriter<TState, TCommand, TResult>(
            sp.GetRequiredService<EventStore>(),
            behavior(sp),
            sp.GetRequiredService<IOptions<KeyedWriterOptions>>().Value,
            sp.GetRequiredService<ILogger<KeyedWriter<TState, TCommand, TResult>>>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary><see cref="KeyedWriterOptions"/> bound from <c>Mesh:Writers</c> and validated at start (once per service).</summary>
    public static IServiceCollection AddKeyedWriterOptions(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(KeyedWriterOptionsMarker)))
        {
            return services;
        }
        services.AddSingleton<KeyedWriterOptionsMarker>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<KeyedWriterOptions>().BindConfiguration(KeyedWriterOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyedWriterOptions>, KeyedWriterOptionsValidator>();
        return services;
    }

    private sealed class KeyedWriterOptionsMarker;

    private sealed class KeyedWriterOptionsValidator : IValidateOptions<KeyedWriterOptions>
    {
        public ValidateOptionsResult Validate(string? name, KeyedWriterOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
