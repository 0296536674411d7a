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

    public static IEnumerable<GpuCard> NvidiaGpus()
    {
        string output;
        try
        {
            using var process = Process.Start(new ProcessStartInfo("nvidia-smi", "-L") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
        catch (Exception)
        {
            yield break; // no driver on this host
        }
        foreach (Match m in GpuLine().Matches(output))
        {
            yield return new GpuCard(int.Parse(m.Groups[1].Value), m.Groups[3].Value, "nvidia", m.Groups[2].Value.Trim(), 0);
        }
    }

    // "GPU 0: Tesla T4 (UUID: GPU-6c7a...)"
    [GeneratedRegex(@"^GPU (\d+): (.+?) \(UUID: ([^)]+)\)", RegexOptions.Multiline)]
    private static partial Regex GpuLine();

    private static string Read(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "";

    private static int ReadInt(string path, int fallback = 0) => int.TryParse(Read(path), out var v) ? v : fallback;

    private static string LinkTarget(string path) =>
        Directory.Exists(path) || File.Exists(path) ? Path.GetFileName(new FileInfo(path).LinkTarget ?? path) : "";
}
