using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Testing;

namespace Mesh.Input.Tests.Clients;

/// <summary>
/// Runs examples/clients/mesh_request.py, the pika client docs/platform-services.md shows, under Debian's python3
/// with python3-pika (installed by scripts/servers.sh), and reads what it printed.
/// </summary>
public static class PythonClient
{
    public static readonly string Script = Path.Combine(TestServers.RepositoryRoot, "examples", "clients", "mesh_request.py");

    /// <summary>The interpreter: <c>MESH_PYTHON</c>, else Debian's (the one python3-pika is installed for).</summary>
    public static string Interpreter => Environment.GetEnvironmentVariable("MESH_PYTHON") is { Length: > 0 } p ? p
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Sends <paramref name="requests"/> (each <c>{queue, body, correlationId?, reply?}</c>) and waits for their answers.</summary>
    public static async Task<PythonRun> RunAsync(string amqpUrl, IEnumerable<object> requests, int timeoutSeconds = 60)
    {
        var psi = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(Script);
        psi.ArgumentList.Add(amqpUrl);
        psi.ArgumentList.Add(timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(psi)!;
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(requests, JsonSerializerOptions.Web));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds + 60));
        await process.WaitForExitAsync(limit.Token);
        var (output, errors) = (await stdout, await stderr);
        Assert.True(process.ExitCode == 0, $"{Interpreter} {Script} exited {process.ExitCode}: {errors}");
        return new PythonRun(JsonNode.Parse(output)!.AsObject(), errors);
    }

    /// <summary>One request for the script.</summary>
    public static object Request(string queue, object body, string? correlationId = null, bool reply = true) =>
        new { queue, body, correlationId, reply };

    /// <summary>A request whose body is <paramref name="raw"/> byte for byte (not necessarily JSON).</summary>
    public static object Raw(string queue, string raw, string? correlationId = null) => new { queue, raw, correlationId, reply = true };
}

/// <summary>What the Python client printed: the answers by correlation id, and those missing or unexpected.</summary>
public sealed record PythonRun(JsonObject Output, string Errors)
{
    public IReadOnlyList<JsonObject> Answers => [.. Output["answers"]!.AsArray().Select(a => a!.AsObject())];

    public IReadOnlyList<string> Missing => [.. Output["missing"]!.AsArray().Select(m => m!.GetValue<string>())];

    public IReadOnlyList<JsonObject> Unexpected => [.. Output["unexpected"]!.AsArray().Select(a => a!.AsObject())];

    /// <summary>The single answer, asserting that it came and that nothing else did.</summary>
    public JsonObject Single()
    {
        Assert.Empty(Missing);
        Assert.Empty(Unexpected);
        return Assert.Single(Answers);
    }
}
