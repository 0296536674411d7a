using System.Net.Http.Headers;
using System.Text;
using Mesh.Ipam.Tests;
using Mesh.Testing;

namespace Mesh.Input.Tests;

/// <summary>
/// The five services as processes (each on its own test database, one virtual host), an HTTP client per
/// service, a client on their bus, and what the tests observe: each service's event log head and readiness.
/// </summary>
public sealed class MeshUnderTest : IAsyncDisposable
{
    // IPAM-8 is off by default (0 s): a quarantine makes IpQuarantined reachable. Usage is published sooner,
    // so that the world settles quickly after it is arranged.
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Mesh__Ipam__Quarantine"] = "01:00:00",
        ["Mesh__Ipam__UsageDebounce"] = "00:00:00.200",
        // A refused DELETE answers as soon as IPAM does; a loaded machine must not turn it into a 202.
        ["Mesh__Vpc__Saga__DeletionWait"] = "00:00:30",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private readonly Dictionary<string, HttpClient> _http = [];

    private MeshUnderTest(ServiceProcesses processes, ClientBus bus)
    {
        Processes = processes;
        Bus = bus;
        foreach (var (service, url) in processes.Urls)
        {
            _http[service] = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        }
    }

    public ServiceProcesses Processes { get; }

    /// <summary>Another service on the bus: request clients for the services' commands.</summary>
    public ClientBus Bus { get; }

    public static async Task<MeshUnderTest> StartAsync()
    {
        var processes = await ServiceProcesses.StartAsync(Settings);
        return new MeshUnderTest(processes, await ClientBus.StartAsync(processes.VirtualHost.Url));
    }

    public Task<HttpResponseMessage> SendAsync(string service, HttpMethod method, string path, string? body, Who who, string? contentType = null)
    {
        var json = body is not null && (body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('['));
        return SendBytesAsync(service, method, path, body is null ? null : Encoding.UTF8.GetBytes(body),
            contentType ?? (json ? "application/json" : "application/yaml"), who);
    }

    /// <summary>A request whose body goes as these bytes (which need not be UTF-8).</summary>
    public async Task<HttpResponseMessage> SendBytesAsync(string service, HttpMethod method, string path, byte[]? body, string contentType, Who who)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (who.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await _http[service].SendAsync(request);
    }

    /// <summary>The position of the last event in <paramref name="service"/>'s log.</summary>
    /// <summary>An HTTP client of <paramref name="service"/> with <paramref name="who"/>'s token (an administrator's by default).</summary>
    public HttpClient Http(string service, Who? who = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(Processes.Urls[service]) };
        if ((who ?? Who.Admin).Token is { } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }

    /// <summary>PUTs <paramref name="body"/> and asserts a 2xx answer (arranging a world).</summary>
    public async Task PutOkAsync(string service, string path, string body, Who? who = null) =>
        await OkAsync(await SendAsync(service, HttpMethod.Put, path, body, who ?? Who.Admin));

    /// <summary>Asserts a 2xx answer, showing the request and the answer when it is not.</summary>
    public static async Task OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
    }

    public Task<long> HeadAsync(string service) =>
        Processes.Database(service).ScalarAsync<long>("SELECT coalesce(max(position), 0) FROM mesh_events");

    public async Task<Dictionary<string, long>> HeadsAsync()
    {
        var heads = new Dictionary<string, long>();
        foreach (var service in ServiceProcesses.All)
        {
            heads[service] = await HeadAsync(service);
        }
        return heads;
    }

    /// <summary>How many events since <paramref name="after"/> were recorded for <paramref name="principal"/> or in <paramref name="correlation"/>.</summary>
    public Task<long> RecordedForAsync(string service, long after, string principal, Guid? correlation = null) =>
        Processes.Database(service).ScalarAsync<long>(
            $"SELECT count(*) FROM mesh_events WHERE position > {after} AND (metadata->>'principal' = '{principal.Replace("'", "''")}'" +
            (correlation is { } c ? $" OR metadata->>'correlationId' = '{c}')" : ")"));

    public async Task<bool> ReadyAsync(string service)
    {
        using var response = await _http[service].GetAsync("/health/ready");
        return response.IsSuccessStatusCode;
    }

    /// <summary>Waits until no service has appended an event for <paramref name="quiet"/> (what IPAM's usage reports cause settles).</summary>
    public async Task SettleAsync(TimeSpan quiet, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var heads = await HeadsAsync();
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < quiet)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the services kept appending events");
            }
            await Task.Delay(100);
            var now = await HeadsAsync();
            if (!now.SequenceEqual(heads))
            {
                (heads, since) = (now, DateTime.UtcNow);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var http in _http.Values)
        {
            http.Dispose();
        }
        await Bus.DisposeAsync();
        await Processes.DisposeAsync();
    }
}
