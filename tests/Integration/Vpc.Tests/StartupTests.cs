using Mesh.Testing;
using Microsoft.Extensions.Options;

namespace Mesh.Vpc.Tests;

// Mesh:Vpc is validated at start (STYLE.md rule 8): the service refuses to run on settings its rules cannot use.
public sealed class StartupTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TestVirtualHost _vhost = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync("vpcstart");
        _vhost = await TestVirtualHost.CreateAsync("vpcstart");
    }

    public async Task DisposeAsync()
    {
        await _vhost.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Theory]
    [InlineData("Mesh:Vpc:ServiceCidr", "10.96.0.0/33", "ServiceCidr")]
    [InlineData("Mesh:Vpc:ServiceCidr", "10.16.0.0/12", "default topology")]
    [InlineData("Mesh:Vpc:Saga:RepublishInterval", "00:00:00", "RepublishInterval")]
    public async Task Unusable_settings_stop_the_service_at_start(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            VpcHost.StartAsync(_db, _vhost, new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(named, error.Message);
    }
}
