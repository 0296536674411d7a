using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mesh.NodeAgent;

/// <summary>
/// Real hardware where the host has it: SR-IOV physical functions from sysfs, GPUs from
/// <c>nvidia-smi -L</c>. A host with neither reports none (use a description file instead).
/// </summary>
public static partial class Discovery
{
    public static NodeDescription Discover(string node, string sysfs = "/sys/class/net") => new()
    {
        Node = node,
        Arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "amd64",
        Sriov = SriovPfs(sysfs).ToList(),
        Gpus = NvidiaGpus().ToList(),
    };

    public static IEnumerable<SriovPf> SriovPfs(string sysfs)
    {
        if (!Directory.Exists(sysfs))
        {
            yield break;
        }
        foreach (var netdev in Directory.GetDirectories(sysfs).Order())
        {
            var device = Path.Combine(netdev, "device");
            if (!File.Exists(Path.Combine(device, "sriov_totalvfs")))
            {
                continue;
            }
            var numVfs = ReadInt(Path.Combine(device, "sriov_numvfs"));
            yield return new SriovPf
            {
                Name = Path.GetFileName(netdev),
                PciAddress = LinkTarget(device),
                Vendor = Read(Path.Combine(device, "vendor")).Replace("0x", ""),
                DeviceID = Read(Path.Combine(device, "device")).Replace("0x", ""),
                Driver = LinkTarget(Path.Combine(device, "driver")),
                LinkType = Read(Path.Combine(netdev, "type")) == "32" ? "IB" : "ETH",
                Mtu = ReadInt(Path.Combine(netdev, "mtu"), 1500),
                Mac = Read(Path.Combine(netdev, "address")),
                Totalvfs = ReadInt(Path.Combine(device, "sriov_totalvfs")),
                NumVfs = numVfs,
                Vfs = Enumerable.Range(0, numVfs).Select(i => Path.Combine(device, $"virtfn{i}")).Where(Directory.Exists)
                    .Select((vf, i) => new SriovVf(LinkTarget(vf), i, LinkTarget(Path.Combine(vf, "driver")), null)).ToList(),
            };
        }
    }

    /// <summary>The nvidia-smi query the agent runs: every card's index, uuid, name and memory in MiB.</summary>
    public const string NvidiaSmiQuery = "--query-gpu=index,uuid,name,memory.total --format=csv,noheader,nounits";

    /// <summary>
    /// AGENT-2: the NVIDIA cards with their model and memory, from nvidia-smi. No nvidia-smi: none. nvidia-smi
    /// failing (a driver problem): none, and it says so on stderr rather than reporting cards without memory.
    /// </summary>
    public static IEnumerable<GpuCard> NvidiaGpus()
    {
        string output;
        try
        {
            using var process = Process.Start(new ProcessStartInfo("nvidia-smi", NvidiaSmiQuery) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"node-agent: nvidia-smi exited {process.ExitCode}: {error.Trim()}; no GPUs reported");
                return [];
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return []; // no driver on this host
        }
        return ParseNvidiaSmi(output);
    }

    /// <summary>
    /// Cards from <c>nvidia-smi --query-gpu=index,uuid,name,memory.total --format=csv,noheader,nounits</c>:
    /// "0, GPU-6c7a..., Tesla V100-SXM2-16GB, 16160". A line that does not parse is an error, never a card without memory.
    /// </summary>
    public static IReadOnlyList<GpuCard> ParseNvidiaSmi(string csv)
    {
        var cards = new List<GpuCard>();
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split(',', StringSplitOptions.TrimEntries);
            if (f.Length != 4 || !int.TryParse(f[0], out var index) || !int.TryParse(f[3], out var memory) || memory <= 0 || f[1].Length == 0)
            {
                throw new FormatException($"nvidia-smi line '{line}' is not index, uuid, name, memory.total (MiB)");
            }
            cards.Add(new GpuCard(index, f[1], "nvidia", f[2], memory));
        }
        return cards;
    }

    private static string Read(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "";

    private static int ReadInt(string path, int fallback = 0) => int.TryParse(Read(path), out var v) ? v : fallback;

    private static string LinkTarget(string path) =>
        Directory.Exists(path) || File.Exists(path) ? Path.GetFileName(new FileInfo(path).LinkTarget ?? path) : "";
}
