using MassTransit;
using Mesh.Messaging;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mesh.Vpc.Tests;

// The IPAM side of the bus, for tests: receives what the vpc service publishes and answers
// SubnetDeletionRequested as told (Answer, Duplicates), on its own queue in the test vhost.
public sealed class IpamDouble : IAsyncDisposable
{
    private readonly IHost _host;

    private IpamDouble(IHost host, IpamState state)
    {
        _host = host;
        State = state;
    }

    public IpamState State { get; }

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public static async Task<IpamDouble> StartAsync(TestVirtualHost vhost)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var state = new IpamState();
        builder.Services.AddSingleton(state);
        builder.Services.AddMeshMessaging("ipam-double", new MessagingOptions { Url = vhost.Url }, x => x.AddConsumer<IpamDoubleConsumer>());
        var host = builder.Build();
        await host.StartAsync();
        return new IpamDouble(host, state);
    }

    public Task PublishAsync(object message) => Bus.Publish(message, message.GetType());

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
