using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Mesh.NodeAgent;

/// <summary>
/// Where the agent learns which pods its node really runs (IPAM-11, AGENT-2). IPAM reclaims the addresses
/// of pods missing from these lists, so a source that cannot be read is never reported as an empty list:
/// <see cref="ReadAsync"/> throws, and the agent skips that report.
/// </summary>
public interface IPodSource
{
    /// <summary>What the report names as its source: kubelet, crictl, file, description.</summary>
    string Name { get; }

    /// <summary>The uids of the pods alive on the node now.</summary>
    Task<IReadOnlyList<string>> ReadAsync(CancellationToken ct);
}

public static class PodSources
{
    public const string DefaultKubeletUrl = "https://127.0.0.1:10250/pods";
    public const string ServiceAccountToken = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary>
    /// The source named by <c>--pod-source</c>: <c>kubelet</c> or <c>kubelet:URL</c>, <c>crictl</c> or
    /// <c>crictl:PATH</c>, <c>file:PATH</c> (a PodList or <c>crictl pods -o json</c> document, read on
    /// every report), <c>none</c>; without it, the description's <c>pods</c> if it lists them, else none.
    /// Null means none: the agent reports that it cannot see its pods.
    /// </summary>
    public static IPodSource? Parse(string? spec, NodeDescription description, string? tokenFile = null, bool insecureTls = false)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            return description.Pods is { } pods ? new Fixed("description", pods) : null;
        }
        var (kind, arg) = spec.IndexOf(':') is var colon and > 0 ? (spec[..colon], spec[(colon + 1)..]) : (spec, "");
        return kind switch
        {
            "none" => null,
            "kubelet" => new Kubelet(new Uri(arg.Length > 0 ? arg : DefaultKubeletUrl), tokenFile ?? ServiceAccountToken, insecureTls),
            "crictl" => new Crictl(arg.Length > 0 ? arg : "crictl"),
            "file" when arg.Length > 0 => new FileSource(arg),
            "description" => new Fixed("description", description.Pods ?? []),
            _ => throw new ArgumentException(
                $"--pod-source '{spec}' is not one of kubelet[:URL], crictl[:PATH], file:PATH, description, none"),
        };
    }

    /// <summary>
    /// The live pod uids of a kubelet <c>/pods</c> PodList or of <c>crictl pods -o json</c>: every listed pod
    /// except those whose phase is Succeeded or Failed (they hold nothing any more, as Kube-OVN sees it).
    /// </summary>
    public static IReadOnlyList<string> LiveUids(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("not a pod list: no items array (expected the kubelet's /pods PodList or crictl pods -o json)");
        }
        var uids = new List<string>();
        foreach (var pod in items.EnumerateArray())
        {
            if (!pod.TryGetProperty("metadata", out var meta) || !meta.TryGetProperty("uid", out var uid) || uid.GetString() is not { Length: > 0 } text)
            {
                throw new FormatException("a pod in the list has no metadata.uid");
            }
            var phase = pod.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("phase", out var p) ? p.GetString() : null;
            if (phase is "Succeeded" or "Failed")
            {
                continue;
            }
            uids.Add(text);
        }
        return uids.Distinct(StringComparer.Ordinal).ToList();
    }

    private sealed class Fixed(string name, IReadOnlyList<string> pods) : IPodSource
    {
        public string Name => name;

        public Task<IReadOnlyList<string>> ReadAsync(CancellationToken ct) => Task.FromResult(pods);
    }

    private sealed class FileSource(string path) : IPodSource
    {
        public string Name => "file";

        public async Task<IReadOnlyList<string>> ReadAsync(CancellationToken ct) => LiveUids(await File.ReadAllTextAsync(path, ct));
    }

    private sealed class Kubelet : IPodSource
    {
        private readonly Uri _url;
        private readonly string _tokenFile;
        private readonly HttpClient _http;

        public Kubelet(Uri url, string tokenFile, bool insecureTls)
        {
            _url = url;
            _tokenFile = tokenFile;
            var handler = new HttpClientHandler();
            if (insecureTls)
            {
                // The kubelet's serving certificate is often self-signed; --kubelet-insecure-tls says so explicitly.
                handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
            }
            _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        }

        public string Name => "kubelet";

        public async Task<IReadOnlyList<string>> ReadAsync(CancellationToken ct)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _url);
            if (File.Exists(_tokenFile))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(_tokenFile, ct)).Trim());
            }
            using var response = await _http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"the kubelet at {_url} answered {(int)response.StatusCode}");
            }
            return LiveUids(await response.Content.ReadAsStringAsync(ct));
        }
    }

    private sealed class Crictl(string path) : IPodSource
    {
        public string Name => "crictl";

        public async Task<IReadOnlyList<string>> ReadAsync(CancellationToken ct)
        {
            var psi = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "pods", "-o", "json" })
            {
                psi.ArgumentList.Add(arg);
            }
            using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{path} did not start");
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{path} pods -o json exited {process.ExitCode}: {(await error).Trim()}");
            }
            return LiveUids(await output);
        }
    }
}
