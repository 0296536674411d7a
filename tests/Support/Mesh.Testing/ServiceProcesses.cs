using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Mesh.Testing;

/// <summary>
/// The five services as separate processes (the built <c>Mesh.X.Service.dll</c>), each on its own test
/// database, all on one test virtual host and free loopback ports; stopped (or killed) on demand.
/// </summary>
public sealed class ServiceProcesses : IAsyncDisposable
{
    public static readonly string[] All = ["vpc", "ipam", "fip", "sriov", "gpu"];

    private readonly Dictionary<string, Process> _running = [];
    private readonly Dictionary<string, TestDatabase> _databases = [];
    private readonly string _logs = Directory.CreateTempSubdirectory("mesh-e2e-").FullName;

    private readonly IReadOnlyDictionary<string, string> _settings;

    private ServiceProcesses(TestVirtualHost vhost, IReadOnlyDictionary<string, string> settings)
    {
        VirtualHost = vhost;
        _settings = settings;
    }

    public TestVirtualHost VirtualHost { get; }
    public Dictionary<string, string> Urls { get; } = [];
    public string LogDirectory => _logs;

    public static Task<ServiceProcesses> StartAsync(params string[] services) => StartOnAsync(null, new Dictionary<string, string>(), services);

    /// <summary>Starts <paramref name="services"/> (all when none) with extra <paramref name="settings"/>, environment variables such as <c>Mesh__Ipam__Quarantine</c>.</summary>
    public static Task<ServiceProcesses> StartAsync(IReadOnlyDictionary<string, string> settings, params string[] services) =>
        StartOnAsync(null, settings, services);

    /// <summary>The services on <paramref name="servers"/> (the shared test servers when null).</summary>
    public static async Task<ServiceProcesses> StartOnAsync(ServerSet? servers, IReadOnlyDictionary<string, string> settings, params string[] services)
    {
        var set = new ServiceProcesses(await TestVirtualHost.CreateAsync("e2e", servers), settings);
        foreach (var service in services.Length == 0 ? All : services)
        {
            set._databases[service] = await TestDatabase.CreateAsync("e2e_" + service, servers);
            set.Urls[service] = $"http://127.0.0.1:{FreePort()}";
        }
        // Subscribers first, VPC last: it publishes the default topology on its first start, and an
        // event published before a subscriber's queue exists is not delivered to it (docs/promises.md).
        foreach (var wave in set.Urls.Keys.GroupBy(s => s == "vpc").OrderBy(g => g.Key))
        {
            foreach (var service in wave)
            {
                set.Start(service);
            }
            foreach (var service in wave)
            {
                await set.WaitReadyAsync(service);
            }
        }
        return set;
    }

    /// <summary>The environment a tool (meshctl, node-agent) needs to reach these services.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment =>
        Urls.ToDictionary(kv => $"MESH_{kv.Key.ToUpperInvariant()}_URL", kv => kv.Value)
            .Append(new KeyValuePair<string, string>("Mesh__RabbitMq__Url", VirtualHost.Url))
            .ToDictionary();

    public void Start(string service)
    {
        var cap = char.ToUpperInvariant(service[0]) + service[1..];
        var dll = Path.Combine(TestServers.RepositoryRoot, "services", service, $"{cap}.Service", "bin", BuildConfiguration, "net10.0", $"Mesh.{cap}.Service.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is not built; build the solution in {BuildConfiguration} first");
        }
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // A plain Urls variable outranks appsettings.json; ASPNETCORE_URLS does not.
        psi.Environment["Urls"] = Urls[service];
        psi.Environment["Mesh__Postgres"] = _databases[service].ConnectionString;
        psi.Environment["Mesh__RabbitMq__Url"] = VirtualHost.Url;
        psi.Environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in _settings)
        {
            psi.Environment[key] = value;
        }
        var process = Process.Start(psi)!;
        var log = new StreamWriter(Path.Combine(_logs, service + ".log"), append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _running[service] = process;
    }

    /// <summary>kill -9: no shutdown hooks run.</summary>
    public void Kill(string service)
    {
        if (_running.Remove(service, out var process) && !process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public async Task RestartAsync(string service)
    {
        Kill(service);
        Start(service);
        await WaitReadyAsync(service);
    }

    public async Task WaitReadyAsync(string service, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        var rebinds = 0;
        while (true)
        {
            if (_running[service].HasExited && Tail(service).Contains("address already in use", StringComparison.Ordinal) && rebinds++ < 3)
            {
                // Another process took the port between the check and the bind: move to another one.
                Urls[service] = $"http://127.0.0.1:{FreePort()}";
                File.Delete(Path.Combine(_logs, service + ".log"));
                Start(service);
                continue;
            }
            if (_running[service].HasExited)
            {
                throw new InvalidOperationException($"{service} exited; log: {Path.Combine(_logs, service + ".log")}\n{Tail(service)}");
            }
            try
            {
                if ((await http.GetAsync(Urls[service] + "/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{service} not ready; log:\n{Tail(service)}");
            }
            await Task.Delay(200);
        }
    }

    public string Tail(string service)
    {
        var path = Path.Combine(_logs, service + ".log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(30)) : "";
    }

    public TestDatabase Database(string service) => _databases[service];

    /// <summary>Debug or Release: the configuration the tests themselves were built in.</summary>
    public static string BuildConfiguration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>
    /// A free loopback port below the kernel's ephemeral range (32768 and up), so that no outgoing
    /// connection of a test running beside this one can take it between this check and the bind.
    /// </summary>
    public static int FreePort() => FreeRun(1);

    /// <summary>The first of <paramref name="length"/> consecutive free ports below the ephemeral range, never handed out before.</summary>
    public static int FreeRun(int length)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Random.Shared.Next(15000, 32000 - length);
            lock (HandedOut)
            {
                if (Enumerable.Range(first, length).All(p => !HandedOut.Contains(p) && IsFree(p)))
                {
                    HandedOut.UnionWith(Enumerable.Range(first, length));
                    return first;
                }
            }
        }
        throw new InvalidOperationException($"no {length} consecutive free ports between 15000 and 32000");
    }

    private static readonly HashSet<int> HandedOut = [];

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _running.Keys.ToList())
        {
            Kill(service);
        }
        foreach (var db in _databases.Values)
        {
            await db.DisposeAsync();
        }
        await VirtualHost.DisposeAsync();
    }
}
