namespace Mesh.Testing;

/// <summary>
/// A PostgreSQL server and a RabbitMQ broker of the test's own (started by <c>scripts/servers.sh</c>
/// on free loopback ports), for tests that crash or restart them: the shared servers stay untouched
/// for every other test running at the same time. They run with fsync off like the shared ones: a
/// crash here kills the server process, not the machine, so what was written to the kernel survives,
/// and the services commit synchronously whatever the server's default (EventStore's data source).
/// </summary>
public sealed class OwnServers : IAsyncDisposable
{
    private readonly string _dir;
    private readonly int _pgPort;
    private readonly int _amqpPort;

    private OwnServers(string dir, int pgPort, int amqpPort, ServerSet servers)
    {
        _dir = dir;
        _pgPort = pgPort;
        _amqpPort = amqpPort;
        Servers = servers;
    }

    public ServerSet Servers { get; }

    public static async Task<OwnServers> StartAsync()
    {
        var dir = Directory.CreateTempSubdirectory("mesh-own-").FullName;
        // RabbitMQ takes three consecutive ports (AMQP, management, distribution).
        var (pg, amqp) = (ServiceProcesses.FreePort(), ServiceProcesses.FreeRun(3));
        var output = await Task.Run(() => TestServers.Run(TestServers.ServersScript, $"start {dir} {pg} {amqp} --throwaway"));
        return new OwnServers(dir, pg, amqp, TestServers.Parse(output));
    }

    /// <summary><c>pg_ctl stop -m immediate</c>: the server dies without a checkpoint and recovers from WAL on start.</summary>
    public Task CrashPostgresAsync() => Task.Run(() => TestServers.Run(TestServers.ServersScript, $"crash-postgres {_dir}"));

    /// <summary>Stops the broker (every connection drops).</summary>
    public Task StopRabbitMqAsync() => Task.Run(() => TestServers.Run(TestServers.ServersScript, $"stop-rabbitmq {_dir}"));

    /// <summary>Starts whatever is stopped, on the same ports and data.</summary>
    public Task StartStoppedAsync() => Task.Run(() => TestServers.Run(TestServers.ServersScript, $"start {_dir} {_pgPort} {_amqpPort} --throwaway"));

    public async ValueTask DisposeAsync()
    {
        await Task.Run(() => TestServers.Run(TestServers.ServersScript, $"stop {_dir}"));
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
