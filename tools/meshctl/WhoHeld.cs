using System.CommandLine;
using System.Text.Json.Nodes;

namespace Mesh.Ctl;

/// <summary>who-held ADDRESS [--at TIME]: IPAM-13, answered from the IPAM service's address history.</summary>
public static class WhoHeld
{
    public static Command Command(MeshClient client)
    {
        var address = new Argument<string>("address");
        var at = new Option<DateTimeOffset?>("--at") { Description = "a past time (ISO 8601); default: now" };
        var command = new Command("who-held", "who holds (or held at a time) an address, and why") { address, at, ResourceCommands.OutputFormat };
        command.SetAction(async (parse, ct) =>
        {
            var ip = Uri.EscapeDataString(parse.GetValue(address)!);
            var when = parse.GetValue(at);
            var path = when is null ? $"/api/v1/addresses/{ip}/history" : $"/api/v1/addresses/{ip}/history?at={Uri.EscapeDataString(when.Value.ToString("O"))}";
            var answer = await client.JsonAsync(HttpMethod.Get, "ipam", path, ct: ct);
            Console.Write(parse.GetValue(ResourceCommands.OutputFormat) == "json" ? Output.Json(answer) + "\n" : Output.Yaml(answer));
            return 0;
        });
        return command;
    }
}
