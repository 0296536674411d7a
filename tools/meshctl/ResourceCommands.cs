using System.CommandLine;
using System.Text.Json.Nodes;
using Mesh.Hosting;
using Mesh.Hosting.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Ctl;

/// <summary>apply, get, delete: kubectl's habits against the services' resource APIs.</summary>
public static class ResourceCommands
{
    public static readonly Option<string?> Namespace = new("--namespace", "-n") { Description = "namespace of a namespaced kind" };
    public static readonly Option<string> OutputFormat = new("--output", "-o") { Description = "yaml | json | wide", DefaultValueFactory = _ => "table" };

    public static Command Apply(MeshClient client)
    {
        var file = new Option<string>("--filename", "-f") { Description = "a YAML or JSON file (multi-document), or - for stdin", Required = true };
        var command = new Command("apply", "create or update every document of a file, each at the service that owns its kind") { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var text = path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
            IReadOnlyList<ResourceDocument> docs;
            try
            {
                docs = ResourceReader.Parse(text);
            }
            catch (MeshException ex)
            {
                throw new CliException($"{path}: {ex.Error.Message}");
            }
            var failures = 0;
            foreach (var (doc, index) in docs.Select((d, i) => (d, i)))
            {
                var route = Kinds.Of(doc.ApiVersion, doc.Kind);
                var name = doc.Metadata.Name;
                if (route is null || name is null)
                {
                    Console.Error.WriteLine($"document {index + 1}: " + (route is null
                        ? Kinds.Refusal(doc.ApiVersion, doc.Kind, name)
                        : $"{route.Kind}: metadata.name is required"));
                    failures++;
                    continue;
                }
                try
                {
                    var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(doc, ResourceReader.Json));
                    var resource = route.Path(doc.Metadata.Namespace, name);
                    var existing = await client.SendAsync(HttpMethod.Get, route.Service, resource, ct: ct);
                    var before = existing.IsSuccessStatusCode ? JsonNode.Parse(await existing.Content.ReadAsStringAsync(ct)) : null;
                    var answer = await client.JsonAsync(HttpMethod.Put, route.Service, resource, body, ct);
                    // kubectl's words: created, configured, or unchanged when the desired state is what it was.
                    var outcome = before is null ? "created" : Desired(before, body) == Desired(answer, body) ? "unchanged" : "configured";
                    Console.WriteLine($"{route.Kind.ToLowerInvariant()}/{name} {outcome}");
                }
                catch (CliException ex)
                {
                    Console.Error.WriteLine($"{route.Kind}/{name}: {ex.Message}");
                    failures++;
                }
            }
            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    // What the applied document asks for: its spec, labels and annotations, and its status only when it
    // carries one (a node agent's SriovNetworkNodeState report); never the version or server-kept status.
    private static string Desired(JsonNode? document, JsonNode? applied) =>
        new JsonObject
        {
            ["spec"] = document?["spec"]?.DeepClone(),
            ["status"] = applied?["status"] is null ? null : document?["status"]?.DeepClone(),
            ["labels"] = document?["metadata"]?["labels"]?.DeepClone(),
            ["annotations"] = document?["metadata"]?["annotations"]?.DeepClone(),
        }.ToJsonString();

    public static Command Get(MeshClient client)
    {
        var kind = new Argument<string>("kind") { Description = "kind, plural or short name (subnet, vpcs, sriovnetwork, ...)" };
        var name = new Argument<string?>("name") { Arity = ArgumentArity.ZeroOrOne };
        var asOf = new Option<DateTimeOffset?>("--as-of") { Description = "the state as of a past time, reconstructed from events" };
        var command = new Command("get", "show one resource or a list") { kind, name, Namespace, OutputFormat, asOf };
        command.SetAction(async (parse, ct) =>
        {
            var route = Route(parse.GetValue(kind)!);
            var when = parse.GetValue(asOf);
            var path = route.Path(parse.GetValue(Namespace), parse.GetValue(name)) + (when is null ? "" : $"?asOf={Uri.EscapeDataString(when.Value.ToString("O"))}");
            var answer = await client.JsonAsync(HttpMethod.Get, route.Service, path, ct: ct);
            if (when is not null && answer?["metadata"]?["annotations"]?["mesh.io/as-of"] is null)
            {
                throw new CliException($"the {route.Service} service does not serve --as-of reads of {route.Kind}");
            }
            Console.Write(parse.GetValue(OutputFormat) switch
            {
                "yaml" => Output.Yaml(answer),
                "json" => Output.Json(answer) + "\n",
                var format => Output.Table(answer?["items"]?.AsArray() ?? [answer], format == "wide"),
            });
            return 0;
        });
        return command;
    }

    public static Command Delete(MeshClient client)
    {
        var kind = new Argument<string>("kind");
        var name = new Argument<string>("name");
        var command = new Command("delete", "delete a resource") { kind, name, Namespace };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(kind)!.ToLowerInvariant() is "node" or "nodes" or "no")
            {
                // NODE-1: one event on the bus; IPAM, SR-IOV and GPU each release what the node's pods held.
                var node = parse.GetValue(name)!;
                if (Mesh.Contracts.DnsName.Check(node, "node") is { } bad)
                {
                    throw new CliException($"error: {bad.Code}: {bad.Message}");
                }
                using var host = await PodCommands.StartBusAsync(ct);
                await host.Services.GetRequiredService<MassTransit.IBus>().Publish(
                    new Mesh.Contracts.Nodes.NodeRemoved(node, DateTimeOffset.UtcNow, Environment.UserName), ct);
                Console.WriteLine($"node/{node} deleted (its addresses, VFs and GPUs are released by each service with reason NodeRemoved)");
                return 0;
            }
            var route = Route(parse.GetValue(kind)!);
            await client.JsonAsync(HttpMethod.Delete, route.Service, route.Path(parse.GetValue(Namespace), parse.GetValue(name)), ct: ct);
            Console.WriteLine($"{route.Plural.TrimEnd('s')}/{parse.GetValue(name)} deleted");
            return 0;
        });
        return command;
    }

    private static KindRoute Route(string text) => Kinds.Find(text)
        ?? throw new CliException($"unknown kind '{text}'; known: {string.Join(", ", Kinds.All.Select(k => k.Plural))}");
}
