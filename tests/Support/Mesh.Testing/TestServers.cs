using System.Diagnostics;

namespace Mesh.Testing;

/// <summary>
/// The PostgreSQL and RabbitMQ servers tests run against: the ones named by <c>MESH_TEST_POSTGRES</c>,
/// <c>MESH_TEST_RABBITMQ</c> and <c>MESH_TEST_RABBITMQ_MANAGEMENT</c> (set by <c>./mesh test</c>), or
/// throwaway ones started as processes by <c>scripts/servers.sh</c> for this test run.
/// </summary>
public static class TestServers
{
    private static readonly Lazy<(string Postgres, string Amqp, string Management)> Servers = new(Resolve);

    /// <summary>An admin connection string to the server (database <c>postgres</c>).</summary>
    public static string Postgres => Servers.Value.Postgres;

    /// <summary>The AMQP URL of the broker (default virtual host).</summary>
    public static string Amqp => Servers.Value.Amqp;

    /// <summary>The management API base URL, credentials included.</summary>
    public static string Management => Servers.Value.Management;

    /// <summary>The shared servers as one set.</summary>
    public static ServerSet Shared => new(Postgres, Amqp, Management);

    /// <summary>The repository root (the folder holding Mesh.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static (string, string, string) Resolve()
    {
        var pg = Environment.GetEnvironmentVariable("MESH_TEST_POSTGRES");
        var amqp = Environment.GetEnvironmentVariable("MESH_TEST_RABBITMQ");
        var mgmt = Environment.GetEnvironmentVariable("MESH_TEST_RABBITMQ_MANAGEMENT");
        if (!string.IsNullOrEmpty(pg) && !string.IsNullOrEmpty(amqp) && !string.IsNullOrEmpty(mgmt))
        {
            return (pg, amqp, mgmt);
        }
        return StartOwn();
    }

    internal static string ServersScript => Path.Combine(RepositoryRoot, "scripts", "servers.sh");

    /// <summary>The three values of <c>servers.sh start</c>'s output.</summary>
    internal static ServerSet Parse(string output)
    {
        string Value(string name) => output.Split('\n').Single(l => l.StartsWith($"export {name}=", StringComparison.Ordinal))
            .Split('=', 2)[1].Trim('\'');
        return new ServerSet(Value("MESH_TEST_POSTGRES"), Value("MESH_TEST_RABBITMQ"), Value("MESH_TEST_RABBITMQ_MANAGEMENT"));
    }

    private static (string, string, string) StartOwn()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"mesh-test-{Environment.ProcessId}");
        var port = 40000 + Random.Shared.Next(0, 900) * 10;
        var output = Run(ServersScript, $"start {dir} {port} {port + 5} --throwaway");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(ServersScript, $"stop {dir}");
        var set = Parse(output);
        return (set.Postgres, set.Amqp, set.Management);
    }

    internal static string Run(string file, string args)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", $"{file} {args}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {args} failed: {stderr.Result}");
        }
        return stdout.Result;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mesh.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root (Mesh.slnx) above " + AppContext.BaseDirectory);
    }
}

/// <summary>A PostgreSQL server, a RabbitMQ broker and its management API (connection strings with credentials).</summary>
public sealed record ServerSet(string Postgres, string Amqp, string Management);
