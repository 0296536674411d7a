using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mesh.Testing;
using Xunit.Abstractions;

namespace Mesh.Input.Tests.Clients;

/// <summary>
/// Docs that run: every JSON example, curl line and pika snippet of docs/*.md, against the five services. A JSON block is
/// tagged by the HTML comment above it (<c>&lt;!-- example: bus QUEUE ANSWER --&gt;</c> a request sent as shown, whose
/// answer must be of that type; <c>answer TYPE</c> / <c>event TYPE</c> a message whose fields must be the contract's;
/// <c>refusal</c> the refusal shape, compared with a real one on the bus and over HTTP). An untagged JSON block fails.
/// </summary>
[Collection(PythonCollection.Name)]
public sealed class DocsTests(PythonWorld world, ITestOutputHelper output)
{
    private static readonly string Docs = Path.Combine(TestServers.RepositoryRoot, "docs");
    private static readonly Regex Fence = new("^```(\\w*)\\s*$", RegexOptions.Multiline);
    private static readonly Regex Tag = new("<!--\\s*example:\\s*(.+?)\\s*-->\\s*$");

    public static TheoryData<string> Files => new(Directory.GetFiles(Docs, "*.md").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_example_in_the_file_runs_against_the_services(string file)
    {
        var ran = 0;
        await using var plain = await PlainAmqpClient.ConnectAsync(world.AmqpUrl);
        foreach (var block in Blocks(File.ReadAllText(Path.Combine(Docs, file))))
        {
            var where = $"{file}:{block.Line}";
            switch (block.Language)
            {
                case "json":
                    await JsonExampleAsync(plain, block, where);
                    ran++;
                    break;
                case "bash" or "sh":
                    foreach (var curl in block.Text.Split('\n').Where(l => l.TrimStart().StartsWith("curl ", StringComparison.Ordinal)))
                    {
                        await CurlAsync(curl, where);
                        ran++;
                    }
                    break;
                case "python":
                    await PythonAsync(block.Text, where);
                    ran++;
                    break;
            }
        }
        output.WriteLine($"{file}: {ran} examples ran");
    }

    [Fact]
    public void The_platform_services_guide_has_runnable_examples_of_every_kind()
    {
        var text = File.ReadAllText(Path.Combine(Docs, "platform-services.md"));
        var blocks = Blocks(text).ToList();
        Assert.Contains(blocks, b => b.Language == "python" && b.Text.Contains("pika", StringComparison.Ordinal));
        Assert.True(blocks.Count(b => b.Language == "bash" && b.Text.Contains("curl ", StringComparison.Ordinal)) >= 2);
        Assert.True(blocks.Count(b => b.Tag?.StartsWith("bus ", StringComparison.Ordinal) == true) >= 5);
        Assert.Contains(blocks, b => b.Tag == "refusal");
    }

    private async Task JsonExampleAsync(PlainAmqpClient plain, Block block, string where)
    {
        var example = JsonNode.Parse(block.Text.Replace('…', '.'))!.AsObject();
        var tag = block.Tag ?? throw new Xunit.Sdk.XunitException($"{where}: a JSON example without <!-- example: ... --> above it");
        var words = tag.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words[0])
        {
            case "bus":
                var answer = await plain.RequestAsync(words[1], block.Text, timeout: TimeSpan.FromSeconds(60));
                Assert.True(answer.Type == words[2], $"{where}: {words[1]} answered {answer.Type}, not {words[2]}: {answer.Body}");
                AssertFieldsOf(ContractType(words[2]), answer.Json, where + " (the real answer)");
                break;
            case "answer" or "event":
                AssertFieldsOf(ContractType(words[1]), JsonSerializer.Deserialize<JsonElement>(example.ToJsonString()), where);
                break;
            case "refusal":
                var bus = await plain.RequestAsync("ipam-allocate-ip", """{"project":"p1","podUid":"docs-refusal","podNamespace":"default","podName":"docs-refusal","node":"n1","subnet":"no-such-subnet"}""");
                Assert.Equal("Rejected", bus.Type);
                using (var http = world.Http("ipam", Who.Member("p1")))
                {
                    var response = await http.GetAsync("/api/v1/subnets/no-such-subnet/usage");
                    Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
                    var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
                    foreach (var key in example.Select(p => p.Key))
                    {
                        Assert.True(bus.Json.TryGetProperty(key, out _), $"{where}: the bus refusal has no '{key}': {bus.Body}");
                        Assert.True(problem.TryGetProperty(key, out _), $"{where}: the HTTP problem has no '{key}': {problem}");
                    }
                }
                break;
            default:
                throw new Xunit.Sdk.XunitException($"{where}: unknown example tag '{tag}'");
        }
    }

    private async Task CurlAsync(string line, string where)
    {
        var command = world.Mesh.Processes.Urls.Aggregate(line, (l, s) => l.Replace($"http://127.0.0.1:{DefaultPort(s.Key)}", s.Value, StringComparison.Ordinal));
        var (code, stdout, stderr) = await RunAsync("bash", ["-c", command], new() { ["TOKEN"] = Who.Member("p1").Token! });
        Assert.True(code == 0, $"{where}: {command}\nexit {code}: {stdout} {stderr}");
        Assert.False(JsonNode.Parse(stdout) is JsonObject o && o.ContainsKey("code"), $"{where}: a refusal: {stdout}");
    }

    private async Task PythonAsync(string snippet, string where)
    {
        var script = snippet.Replace("amqp://guest:guest@127.0.0.1:55672/", world.AmqpUrl, StringComparison.Ordinal)
            + "\nprint(json.dumps({\"kind\": kind, \"answer\": answer}))\n";
        var path = Path.Combine(Path.GetTempPath(), $"mesh-docs-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(path, script);
        try
        {
            var (code, stdout, stderr) = await RunAsync(PythonClient.Interpreter, [path], []);
            Assert.True(code == 0, $"{where}: the snippet exited {code}: {stderr}");
            var result = JsonNode.Parse(stdout.Trim().Split('\n').Last())!;
            Assert.True(result["kind"]!.GetValue<string>() == "IpAllocation", $"{where}: {stdout}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int DefaultPort(string service) => service switch
    {
        "vpc" => 5101, "ipam" => 5102, "fip" => 5103, "sriov" => 5104, "gpu" => 5105, _ => throw new ArgumentOutOfRangeException(service),
    };

    // Every field of the example is a property of the contract (camelCase): the docs name no field the services do not send or take.
    private static void AssertFieldsOf(Type contract, JsonElement example, string where)
    {
        var known = contract.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);
        var unknown = example.EnumerateObject().Select(p => p.Name).Where(n => !known.Contains(n)).ToList();
        Assert.True(unknown.Count == 0, $"{where}: {contract.Name} has no field(s) {string.Join(", ", unknown)} (it has {string.Join(", ", known.Order())})");
    }

    private static Type ContractType(string name) =>
        typeof(Mesh.Contracts.Rejected).Assembly.GetExportedTypes().FirstOrDefault(t => t.Name == name && !t.IsGenericType)
        ?? throw new Xunit.Sdk.XunitException($"no contract type named {name}");

    private static IEnumerable<Block> Blocks(string markdown)
    {
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence.Match(lines[i]);
            if (!open.Success || open.Groups[1].Value.Length == 0)
            {
                continue;
            }
            var end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            var tag = i > 0 && Tag.Match(lines[i - 1]) is { Success: true } m ? m.Groups[1].Value : null;
            yield return new Block(open.Groups[1].Value, string.Join('\n', lines[(i + 1)..end]), i + 1, tag);
            i = end;
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, string[] args, Dictionary<string, string> env)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private sealed record Block(string Language, string Text, int Line, string? Tag);
}
