using System.Diagnostics;

namespace Mesh.Testing;

/// <summary>Runs one of the repository's tools (meshctl, node-agent) as a process, as a user would.</summary>
public static class ToolProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string Dll(string project, string assembly) =>
        Path.Combine(TestServers.RepositoryRoot, "tools", project, "bin", ServiceProcesses.BuildConfiguration, "net10.0", assembly + ".dll");

    public static async Task<Result> RunAsync(string dll, IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null };
        psi.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }
        psi.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(psi)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running tool; the caller kills it.</summary>
    public static Process Start(string dll, IReadOnlyDictionary<string, string> environment, string logFile, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }
        var process = Process.Start(psi)!;
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
