using System.CommandLine;
using System.Text;
using System.Text.Json;
using MassTransit;
using Mesh.Contracts.Gpu;
using Mesh.Contracts.Pods;
using Mesh.Hosting.Resources;
using Mesh.Messaging;
using Mesh.Messaging.Pods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mesh.Ctl;

/// <summary>
/// <c>meshctl pod create -f pod.yaml</c> / <c>pod delete</c>: the whole-pod flow over the bus, from a
/// Kubernetes Pod manifest (node, runtime class, requests, tolerations, the seeds' annotations).
/// </summary>
public static class PodCommands
{
    private static readonly Option<string?> Project = new("--project", "-p") { Description = "the pod's project (default: label mesh.io/project, else MESHCTL_PROJECT, else platform)" };

    public static Command Build()
    {
        var file = new Option<string>("--filename", "-f") { Required = true, Description = "a Pod manifest (YAML or JSON), or - for stdin" };
        var create = new Command("create", "give a pod everything it asks for, or nothing and the reason") { file, Project, ResourceCommands.OutputFormat };
        create.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var text = path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
            var pod = FromManifest(ResourceReader.Parse(text).Single(), parse.GetValue(Project), ManifestUid(text));
            using var host = await StartBusAsync(ct);
            var (resources, refused) = await new PodFlow(host.Services.GetRequiredService<IClientFactory>()).CreateAsync(pod, ct);
            if (refused is not null)
            {
                Console.Error.WriteLine($"pod {pod.Namespace}/{pod.Name} refused by {refused.Step}: {refused.Reason.Code}: {refused.Reason.Message}"
                    + (refused.Reason.Remedy is null ? "" : $"; remedy: {refused.Reason.Remedy}")
                    + (refused.Compensated.Count == 0 ? "" : $"; released again: {string.Join(", ", refused.Compensated)}"));
                return 1;
            }
            var node = JsonSerializer.SerializeToNode(resources, JsonSerializerOptions.Web);
            Console.Write(parse.GetValue(ResourceCommands.OutputFormat) == "json" ? Output.Json(node) + "\n" : Output.Yaml(node));
            return 0;
        });
        var uid = new Argument<string>("uid") { Description = "the pod uid" };
        var delete = new Command("delete", "release everything a pod holds (idempotent)") { uid, Project };
        delete.SetAction(async (parse, ct) =>
        {
            using var host = await StartBusAsync(ct);
            await new PodFlow(host.Services.GetRequiredService<IClientFactory>())
                .DeleteAsync(parse.GetValue(Project) ?? DefaultProject, parse.GetValue(uid)!, ct);
            Console.WriteLine($"pod {parse.GetValue(uid)} released");
            return 0;
        });
        return new Command("pod", "the whole-pod flow: addresses, VFs, GPUs and NAT rules in one answer") { create, delete };
    }

    private static string DefaultProject => Environment.GetEnvironmentVariable("MESHCTL_PROJECT") ?? "platform";

    /// <summary>
    /// The pod's own uid when the manifest carries one (a pod exported from the cluster): the services key the pod by
    /// it and the node agent reports it (IPAM-11), so it must not be dropped as another server's metadata.
    /// </summary>
    public static string? ManifestUid(string text) =>
        YamlJson.ParseAll(text).FirstOrDefault()?["metadata"]?["uid"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var uid)
            && !string.IsNullOrWhiteSpace(uid) ? uid : null;

    public static PodDescriptor FromManifest(ResourceDocument doc, string? project, string? uid = null)
    {
        if (doc.Kind != "Pod")
        {
            throw new CliException($"pod create takes a Pod manifest, not {doc.Kind}");
        }
        var spec = doc.Spec ?? throw new CliException("the Pod has no spec");
        var name = doc.Metadata.Name ?? throw new CliException("metadata.name is required");
        var ns = doc.Metadata.Namespace ?? "default";
        var requests = new Dictionary<string, string>();
        var env = new Dictionary<string, string>();
        if (spec.TryGetProperty("containers", out var containers))
        {
            foreach (var container in containers.EnumerateArray())
            {
                // GPU-13: the visibility variables (and any literal env) as the containers set them; valueFrom is the kubelet's.
                if (container.TryGetProperty("env", out var vars) && vars.ValueKind == JsonValueKind.Array)
                {
                    foreach (var v in vars.EnumerateArray())
                    {
                        if (Text(v, "name") is { } key && v.TryGetProperty("value", out var value))
                        {
                            env.TryAdd(key, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
                        }
                    }
                }
                if (container.TryGetProperty("resources", out var res) && res.TryGetProperty("requests", out var req))
                {
                    foreach (var r in req.EnumerateObject())
                    {
                        var value = r.Value.ValueKind == JsonValueKind.String ? r.Value.GetString()! : r.Value.GetRawText();
                        requests[r.Name] = requests.TryGetValue(r.Name, out var prior) && long.TryParse(prior, out var a) && long.TryParse(value, out var b)
                            ? (a + b).ToString() : value;
                    }
                }
            }
        }
        var labels = doc.Metadata.Labels ?? new Dictionary<string, string>();
        return new PodDescriptor
        {
            Namespace = ns,
            Name = name,
            Uid = uid ?? doc.Metadata.Uid ?? DeterministicId.FromBytes(Encoding.UTF8.GetBytes($"pod/{ns}/{name}")).ToString(),
            Project = project ?? labels.GetValueOrDefault("mesh.io/project") ?? DefaultProject,
            Node = Text(spec, "nodeName"),
            RuntimeClassName = Text(spec, "runtimeClassName"),
            WorkloadKind = labels.GetValueOrDefault("mesh.io/workload-kind") ?? "Pod",
            Requests = requests,
            Annotations = doc.Metadata.Annotations ?? new Dictionary<string, string>(),
            Tolerations = spec.TryGetProperty("tolerations", out var t) ? t.Deserialize<List<GpuToleration>>(JsonSerializerOptions.Web) : null,
            NodeSelector = spec.TryGetProperty("nodeSelector", out var selector) && selector.ValueKind == JsonValueKind.Object
                ? selector.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())
                : null,
            Env = env.Count == 0 ? null : env,
        };
    }

    private static string? Text(JsonElement spec, string name) =>
        spec.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static async Task<IHost> StartBusAsync(CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var url = Environment.GetEnvironmentVariable("Mesh__RabbitMq__Url") ?? new MessagingOptions().Url;
        builder.Services.AddMeshMessaging("meshctl", new MessagingOptions { Url = url });
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }
}
