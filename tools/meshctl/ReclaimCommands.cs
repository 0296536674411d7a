using System.CommandLine;

namespace Mesh.Ctl;

/// <summary>IPAM-11a: an operator's confirmation of a leak reclaim that IPAM withheld as too large a share of a node.</summary>
public static class ReclaimCommands
{
    public static Command Build(MeshClient client)
    {
        var node = new Argument<string>("node") { Description = "the node whose withheld reclaim is confirmed" };
        var confirm = new Command("confirm", "reclaim now every address due on the node (missing from its reports past the grace period), whatever its share") { node };
        confirm.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(node)!;
            var answer = await client.JsonAsync(HttpMethod.Post, "ipam", $"/api/v1/nodes/{Uri.EscapeDataString(name)}/reclaim-confirmations", ct: ct);
            var reclaimed = answer?["reclaimed"]?.AsArray().Select(a => a!.GetValue<string>()).ToList() ?? [];
            Console.WriteLine(reclaimed.Count == 0
                ? answer?["note"]?.GetValue<string>() ?? $"nothing on node {name} is due for reclaim"
                : $"node {name}: reclaimed {reclaimed.Count} address(es): {string.Join(", ", reclaimed)}");
            return 0;
        });
        return new Command("reclaim", "leak reclaim (IPAM-11): confirm what IPAM withheld") { confirm };
    }
}
