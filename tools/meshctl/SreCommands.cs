using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Mesh.Ctl;

/// <summary>The SRE verbs over the services' event history (DOMAIN.md SRE-1, SRE-2).</summary>
public static class SreCommands
{
    private static readonly Option<string?> Service = new("--service", "-s") { Description = "vpc | ipam | fip | sriov | gpu (default: all)" };

    private static IEnumerable<string> Services(ParseResult parse) =>
        parse.GetValue(Service) is { } one ? [one] : MeshClient.Ports.Keys;

    public static Command History(MeshClient client)
    {
        var target = new Argument<string[]>("target") { Description = "a stream id (subnet-pool-net192), or KIND NAME (subnet net192, node worker-1, vpc test-vpc2)", Arity = new ArgumentArity(1, 2) };
        var command = new Command("history", "every event of a stream or a resource, with who, why and when") { target, Service, ResourceCommands.OutputFormat };
        command.SetAction(async (parse, ct) =>
        {
            var args = parse.GetValue(target)!;
            var queries = args.Length == 1
                ? Services(parse).Select(s => (s, $"/admin/v1/streams/{Uri.EscapeDataString(args[0])}"))
                : ResourceQueries(args[0].ToLowerInvariant(), args[1]).Where(q => parse.GetValue(Service) is not { } one || q.Service == one);
            var events = new List<JsonNode>();
            foreach (var (service, path) in queries)
            {
                foreach (var e in (await client.JsonAsync(HttpMethod.Get, service, path, ct: ct))?.AsArray() ?? [])
                {
                    e!["service"] = service;
                    events.Add(e.DeepClone());
                }
            }
            Print(events.OrderBy(e => e["timestamp"]!.GetValue<DateTimeOffset>()).ToList(), parse.GetValue(ResourceCommands.OutputFormat)!);
            return 0;
        });
        return command;
    }

    private static IEnumerable<(string Service, string Path)> ResourceQueries(string kind, string name)
    {
        var quoted = Uri.EscapeDataString($"\"{name}\"");
        return kind switch
        {
            "subnet" => [("vpc", $"/admin/v1/events?stream=topology&contains={quoted}"), ("ipam", $"/admin/v1/streams/subnet-pool-{name}")],
            "vpc" or "externalnetwork" or "vpc-nat-gateway" => [("vpc", $"/admin/v1/events?stream=topology&contains={quoted}")],
            "node" => [("sriov", $"/admin/v1/streams/sriov-node-{name}"), ("gpu", $"/admin/v1/streams/gpu-node-{name}"), ("ipam", $"/admin/v1/events?contains={quoted}")],
            "pod" => MeshClient.Ports.Keys.Select(s => (s, $"/admin/v1/events?contains={quoted}")),
            _ => MeshClient.Ports.Keys.Select(s => (s, $"/admin/v1/events?contains={quoted}")),
        };
    }

    public static void Print(IReadOnlyList<JsonNode> events, string format)
    {
        if (format is "json" or "jsonl")
        {
            foreach (var e in events)
            {
                Console.WriteLine(format == "json" ? Output.Json(e) : e.ToJsonString());
            }
            return;
        }
        var table = new Table().AddColumns("TIME (UTC)", "SERVICE", "POSITION", "STREAM", "VER", "TYPE", "PRINCIPAL", "COMMAND", "REASON");
        foreach (var e in events)
        {
            var m = e["metadata"];
            table.AddRow(Markup.Escape(e["timestamp"]!.GetValue<DateTimeOffset>().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff")),
                Markup.Escape(e["service"]?.ToString() ?? ""), e["position"]!.ToString(), Markup.Escape(e["streamId"]!.ToString()),
                e["version"]!.ToString(), Markup.Escape(e["type"]!.ToString()), Markup.Escape(m?["principal"]?.ToString() ?? ""),
                Markup.Escape(m?["commandType"]?.ToString() ?? ""), Markup.Escape(m?["reason"]?.ToString() ?? ""));
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"{events.Count} event(s)");
    }

    public static Command Audit(MeshClient client)
    {
        var since = new Option<DateTimeOffset>("--since") { Description = "from this time (ISO 8601)", Required = true };
        var command = new Command("audit", "every event of every service since a time, oldest first") { since, Service, ResourceCommands.OutputFormat };
        command.SetAction(async (parse, ct) =>
        {
            var events = new List<JsonNode>();
            foreach (var service in Services(parse))
            {
                long after = 0;
                while (true)
                {
                    var page = (await client.JsonAsync(HttpMethod.Get, service,
                        $"/admin/v1/events?since={Uri.EscapeDataString(parse.GetValue(since).ToString("O"))}&after={after}&limit=5000", ct: ct))?.AsArray() ?? [];
                    foreach (var e in page)
                    {
                        e!["service"] = service;
                        events.Add(e.DeepClone());
                    }
                    if (page.Count < 5000)
                    {
                        break;
                    }
                    after = page[^1]!["position"]!.GetValue<long>();
                }
            }
            Print(events.OrderBy(e => e["timestamp"]!.GetValue<DateTimeOffset>()).ToList(), parse.GetValue(ResourceCommands.OutputFormat) is "table" ? "table" : "jsonl");
            return 0;
        });
        return command;
    }

    public static Command Verify(MeshClient client)
    {
        var command = new Command("verify", "check that every read model equals the fold of its events (changes nothing)") { Service };
        command.SetAction(async (parse, ct) =>
        {
            var table = new Table().AddColumns("SERVICE", "PROJECTION", "EVENTS", "RESULT");
            var bad = 0;
            foreach (var service in Services(parse))
            {
                foreach (var r in (await client.JsonAsync(HttpMethod.Post, service, "/admin/v1/verify", ct: ct))?.AsArray() ?? [])
                {
                    var equal = r!["equal"]!.GetValue<bool>();
                    bad += equal ? 0 : 1;
                    table.AddRow(service, Markup.Escape(r["projection"]!.ToString()), r["events"]!.ToString(), equal ? "[green]equal[/]" : "[red]DIFFERS[/]");
                }
            }
            AnsiConsole.Write(table);
            return bad == 0 ? 0 : 1;
        });
        return command;
    }

    public static Command Rebuild(MeshClient client)
    {
        var projection = new Argument<string>("projection");
        var command = new Command("rebuild", "drop a read model and rebuild it from the events alone") { projection, Service };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(projection)!;
            string? owner = parse.GetValue(Service);
            foreach (var service in owner is null ? MeshClient.Ports.Keys : [])
            {
                var status = await client.JsonAsync(HttpMethod.Get, service, "/admin/v1/status", ct: ct);
                if (status?["projections"]?.AsArray().Any(p => p?["name"]?.ToString() == name) == true)
                {
                    owner = service;
                    break;
                }
            }
            if (owner is null)
            {
                throw new CliException($"no service has a projection named '{name}' (see GET /admin/v1/status)");
            }
            var response = await client.SendAsync(HttpMethod.Post, owner, $"/admin/v1/projections/{Uri.EscapeDataString(name)}/rebuild", ct: ct);
            if (!response.IsSuccessStatusCode)
            {
                throw CliException.FromProblem((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct), owner);
            }
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            long done = 0;
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"rebuilding {name} ({owner})", maxValue: 1);
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    var p = JsonNode.Parse(line)!;
                    done = p["done"]!.GetValue<long>();
                    if (p["total"] is { } total)
                    {
                        task.MaxValue = Math.Max(1, total.GetValue<long>());
                    }
                    task.Value = p["rebuilt"] is null ? done : task.MaxValue;
                }
            });
            Console.WriteLine($"rebuilt {name} from {done} event(s)");
            return 0;
        });
        return command;
    }

    public static Command Replay(MeshClient client)
    {
        var from = new Option<string>("--from") { Description = "a position or an ISO time", Required = true };
        var to = new Option<string?>("--to") { Description = "a position or an ISO time (default: the end)" };
        var queue = new Option<string>("--to-queue") { Description = "the one queue to send the range to", Required = true };
        var service = new Option<string>("--service", "-s") { Description = "whose log", Required = true };
        var command = new Command("replay", "republish a range of a service's history to one consumer's queue") { from, to, queue, service };
        command.SetAction(async (parse, ct) =>
        {
            static (long?, DateTimeOffset?) Bound(string? text) =>
                text is null ? (null, null) : long.TryParse(text, out var p) ? (p, null) : (null, DateTimeOffset.Parse(text));
            var (fromPos, fromTime) = Bound(parse.GetValue(from));
            var (toPos, toTime) = Bound(parse.GetValue(to));
            var body = JsonSerializer.SerializeToNode(new { from = fromPos, to = toPos, since = fromTime, until = toTime, queue = parse.GetValue(queue) });
            var answer = await client.JsonAsync(HttpMethod.Post, parse.GetValue(service)!, "/admin/v1/replay", body, ct);
            Console.WriteLine($"replayed {answer?["events"]} event(s) as {answer?["messages"]} message(s) to queue {answer?["queue"]}");
            return 0;
        });
        return command;
    }
}
