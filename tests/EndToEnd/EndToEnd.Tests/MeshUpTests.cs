using System.Diagnostics;
using System.Text;
using Mesh.Testing;

namespace Mesh.EndToEnd.Tests;

/// <summary>
/// `./mesh up` as a new user runs it (issue 25, item 6): it says what it builds while it builds, and when
/// it is ready it prints what runs where; every address it prints answers; `./mesh ctl` reaches it and
/// `./mesh down` stops all of it. Its own ports and state directory, so it runs beside the other tests.
/// </summary>
public sealed class MeshUpTests : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("mesh-up-").FullName;
    private readonly Dictionary<string, string> _env = [];
    private int _servicePort;

    public Task InitializeAsync()
    {
        var base_ = ServiceProcesses.FreeRun(10);
        _servicePort = base_ + 5;
        _env["MESH_STATE"] = _state;
        _env["MESH_PG_PORT"] = base_.ToString();
        _env["MESH_AMQP_PORT"] = (base_ + 1).ToString(); // management +1, distribution +2
        _env["MESH_PORT_BASE"] = _servicePort.ToString();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await RunAsync(TimeSpan.FromMinutes(2), "down");
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // PostgreSQL's files belong to the postgres user when the suite runs as root; the temp directory keeps them.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [Fact]
    public async Task Up_shows_its_build_progress_and_prints_what_runs_where_and_every_address_answers()
    {
        var up = await RunAsync(TimeSpan.FromMinutes(8), "up", "-d");
        Assert.True(up.ExitCode == 0, up.Output);
        var lines = up.Output.Split('\n').Select(l => l.TrimEnd()).ToList();

        // Progress while it builds: what it builds, each project as it is done (n of all), and the time it took.
        var projects = MeshUpSolution.Projects().Count;
        Assert.Contains(lines, l => l.Contains($"building the five services and meshctl ({projects} projects", StringComparison.Ordinal));
        var progress = lines.Select(l => l.Trim()).Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\[\d+/\d+\] ")).ToList();
        Assert.Equal(projects, progress.Count);
        Assert.Equal(Enumerable.Range(1, projects).Select(n => $"[{n}/{projects}]"), progress.Select(l => l.Split(' ')[0]));
        foreach (var project in new[] { "Mesh.Contracts", "Vpc.Service", "Ipam.Service", "Fip.Service", "Sriov.Service", "Gpu.Service", "Meshctl" })
        {
            Assert.Contains(progress, l => l.EndsWith(" " + project, StringComparison.Ordinal));
        }
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"built in \d+ s$"));
        // Subscribers before the VPC service, each reported ready with its address.
        var ready = new[] { "ipam", "fip", "sriov", "gpu", "vpc" }
            .Select(s => lines.FindIndex(l => l.Contains($" {s} ready on http://127.0.0.1:", StringComparison.Ordinal))).ToList();
        Assert.All(ready, index => Assert.True(index >= 0, up.Output));
        Assert.True(ready[^1] > ready[..^1].Max(), up.Output);

        // What runs where, once ready: every service with its URL, pid and log; PostgreSQL, RabbitMQ, meshctl.
        var table = lines.SkipWhile(l => !l.Contains("ready in ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(table);
        using var http = new HttpClient();
        foreach (var (service, i) in new[] { "vpc", "ipam", "fip", "sriov", "gpu" }.Select((s, i) => (s, i)))
        {
            var row = Assert.Single(table, l => l.TrimStart().StartsWith(service + " ", StringComparison.Ordinal));
            var url = $"http://127.0.0.1:{_servicePort + i}";
            Assert.Contains(url, row);
            Assert.Matches(@"pid \d+", row);
            Assert.Contains(Path.Combine(_state, "logs", service + ".log"), row);
            Assert.True((await http.GetAsync(url + "/health/ready")).IsSuccessStatusCode, $"{service} at {url}");
        }
        Assert.Contains(table, l => l.TrimStart().StartsWith("postgresql", StringComparison.Ordinal) && l.Contains($"127.0.0.1:{_env["MESH_PG_PORT"]}"));
        Assert.Contains(table, l => l.TrimStart().StartsWith("rabbitmq", StringComparison.Ordinal) && l.Contains($"127.0.0.1:{_env["MESH_AMQP_PORT"]}/"));
        Assert.Contains(table, l => l.TrimStart().StartsWith("meshctl", StringComparison.Ordinal) && l.Contains("./mesh ctl"));

        // ./mesh ctl reaches this mesh (its ports), and status agrees.
        var subnets = await RunAsync(TimeSpan.FromMinutes(2), "ctl", "get", "subnets");
        Assert.True(subnets.ExitCode == 0, subnets.Output);
        Assert.Contains("ovn-default", subnets.Output);
        var status = await RunAsync(TimeSpan.FromMinutes(1), "status");
        Assert.Equal(5, status.Output.Split('\n').Count(l => l.Contains(" ready ", StringComparison.Ordinal)));

        var down = await RunAsync(TimeSpan.FromMinutes(2), "down");
        Assert.True(down.ExitCode == 0, down.Output);
        Assert.False((await RunAsync(TimeSpan.FromMinutes(1), "status")).Output.Contains(" ready ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_up_solution_holds_every_project_its_services_reference_so_none_is_built_in_Debug()
    {
        var listed = MeshUpSolution.Projects();
        foreach (var project in listed)
        {
            var references = System.Xml.Linq.XDocument.Load(project).Descendants("ProjectReference")
                .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, r.Attribute("Include")!.Value)));
            Assert.All(references, r => Assert.Contains(r, listed));
        }
        foreach (var service in new[] { "vpc", "ipam", "fip", "sriov", "gpu" })
        {
            Assert.Contains(listed, p => p.Contains($"/services/{service}/", StringComparison.Ordinal) && p.EndsWith(".Service.csproj", StringComparison.Ordinal));
        }
    }

    private static class MeshUpSolution
    {
        private static readonly string File = Path.Combine(TestServers.RepositoryRoot, "scripts", "mesh-up.slnx");

        public static List<string> Projects() => System.Xml.Linq.XDocument.Load(File).Descendants("Project")
            .Select(p => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(File)!, p.Attribute("Path")!.Value))).ToList();
    }

    private sealed record Run(int ExitCode, string Output);

    // The launcher as a user runs it: bash, stdout and stderr interleaved as a terminal shows them.
    private async Task<Run> RunAsync(TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(TestServers.RepositoryRoot, "mesh"));
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in _env)
        {
            psi.Environment[key] = value;
        }
        var output = new StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // The launcher's own exit, not the end of its output: servers it started in the background (epmd)
        // may keep an inherited stderr open for as long as they live.
        var deadline = DateTime.UtcNow + timeout;
        while (!process.HasExited)
        {
            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"./mesh {string.Join(' ', args)} did not finish in {timeout}:\n{output}");
            }
            await Task.Delay(200);
        }
        await Task.Delay(300); // the last lines in flight
        lock (output)
        {
            // Colour codes of say() removed: the assertions read what a user reads.
            return new Run(process.ExitCode, System.Text.RegularExpressions.Regex.Replace(output.ToString(), @"\x1b\[[0-9;]*m", ""));
        }
    }
}
