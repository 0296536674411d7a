using System.CommandLine;

namespace Mesh.Ctl;

/// <summary>
/// IPAM-11a: an operator's confirmation of a leak reclaim withheld as too large a share of a node: addresses
/// (IPAM), VFs (SR-IOV) and cards (GPU) of the pods due on the node go back, each service asked in turn.
/// </summary>
public static class ReclaimCommands
{
    private static readonly (string Service, string Path, string What)[] Services =
    [
        ("ipam", "/api/v1/nodes/{0}/reclaim-confirmations", "address(es)"),
        ("sriov", "/api/v1/nodes/{0}/reclaim-confirmations", "pod(s)' VFs"),
        ("gpu", "/apis/gpu.mesh.io/v1/gpunodes/{0}/reclaim-confirmations", "pod(s)' GPUs"),
    ];

    public static Command Build(MeshClient client)
    {
        var node = new Argument<string>("node") { Description = "the node whose withheld reclaim is confirmed" };
        var confirm = new Command("confirm", "reclaim now every address, VF and GPU due on the node (its pods missing from its reports past the grace period), whatever their share") { node };
        confirm.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(node)!;
            var failed = 0;
            foreach (var (service, path, what) in Services)
            {
                try
                {
                    var answer = await client.JsonAsync(HttpMethod.Post, service, string.Format(path, Uri.EscapeDataString(name)), ct: ct);
                    var reclaimed = answer?["reclaimed"]?.AsArray().Select(a => a!.GetValue<string>()).ToList() ?? [];
                    Console.WriteLine(reclaimed.Count == 0
                        ? $"{service}: nothing on node {name} is due for reclaim"
                        : $"{service}: node {name}: reclaimed {reclaimed.Count} {what}: {string.Join(", ", reclaimed)}");
                }
                catch (Exception ex) when (ex is CliException or HttpRequestException)
                {
                    Console.Error.WriteLine($"{service}: {ex.Message}");
                    failed++;
                }
            }
            return failed == 0 ? 0 : 1;
        });
        return new Command("reclaim", "leak reclaim (IPAM-11): confirm what the services withheld") { confirm };
    }
}
