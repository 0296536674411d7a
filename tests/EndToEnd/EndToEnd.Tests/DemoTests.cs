using System.Diagnostics;
using Mesh.Testing;

namespace Mesh.EndToEnd.Tests;

/// <summary>`./mesh demo`'s script against the five services as processes, with two node agents.</summary>
public sealed class DemoTests : IAsyncLifetime
{
    private ServiceProcesses _mesh = null!;

    public async Task InitializeAsync() => _mesh = await ServiceProcesses.StartAsync();

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    [Fact]
    public async Task The_demo_runs_every_seed_workflow_green()
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(TestServers.RepositoryRoot, "scripts", "demo.sh"));
        foreach (var (key, value) in _mesh.ClientEnvironment)
        {
            psi.Environment[key] = value;
        }
        psi.Environment["MESH_BUILD_CONFIGURATION"] = ServiceProcesses.BuildConfiguration;
        psi.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, output + "\n--- service logs ---\n" + string.Join("\n", ServiceProcesses.All.Select(s => s + ":\n" + _mesh.Tail(s))));
        Assert.Contains("demo finished: every step checked", output);
        Assert.Contains("0/2 nodes are available", output);
    }
}
