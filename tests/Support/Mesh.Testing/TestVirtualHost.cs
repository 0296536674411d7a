using System.Net.Http.Headers;
using System.Text;

namespace Mesh.Testing;

/// <summary>A RabbitMQ virtual host for one test class (exchanges named by message type never collide), deleted afterwards.</summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _http;

    private TestVirtualHost(string name, HttpClient http, string amqpServer)
    {
        Name = name;
        _http = http;
        var amqp = new UriBuilder(amqpServer) { Path = "/" + Uri.EscapeDataString(name) };
        Url = amqp.Uri.ToString();
    }

    /// <summary>The virtual host's name.</summary>
    public string Name { get; }

    /// <summary>An AMQP URL into it.</summary>
    public string Url { get; }

    /// <summary>Creates <c>t-&lt;prefix&gt;-&lt;random&gt;</c> and grants the test user everything in it.</summary>
    public static async Task<TestVirtualHost> CreateAsync(string prefix, ServerSet? servers = null)
    {
        var mgmt = new Uri(servers?.Management ?? TestServers.Management);
        var http = new HttpClient { BaseAddress = new Uri(mgmt.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(mgmt.UserInfo))));
        var name = $"t-{prefix.ToLowerInvariant()}-{Guid.NewGuid():N}";
        var user = Uri.UnescapeDataString(mgmt.UserInfo.Split(':')[0]);
        (await http.PutAsync($"/api/vhosts/{name}", new StringContent("{}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await http.PutAsync($"/api/permissions/{name}/{user}",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return new TestVirtualHost(name, http, servers?.Amqp ?? TestServers.Amqp);
    }

    /// <summary>The number of messages ready in <paramref name="queue"/>, from the management API.</summary>
    public async Task<string> GetJsonAsync(string path) => await _http.GetStringAsync(path.Replace("{vhost}", Name));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _http.DeleteAsync($"/api/vhosts/{Name}");
        _http.Dispose();
    }
}
