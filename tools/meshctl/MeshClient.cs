using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Hosting;

namespace Mesh.Ctl;

/// <summary>
/// HTTP to the five services. URLs from MESH_&lt;SERVICE&gt;_URL (defaults: ./mesh up's ports); the
/// token from MESHCTL_TOKEN, else a development token minted with Mesh__Auth__SigningKey (or the
/// development key) for MESHCTL_PROJECT (default platform) as admin.
/// </summary>
public sealed class MeshClient
{
    public static readonly IReadOnlyDictionary<string, int> Ports = new Dictionary<string, int>
    {
        ["vpc"] = 5101, ["ipam"] = 5102, ["fip"] = 5103, ["sriov"] = 5104, ["gpu"] = 5105,
    };

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public MeshClient()
    {
        var token = Environment.GetEnvironmentVariable("MESHCTL_TOKEN");
        if (string.IsNullOrEmpty(token))
        {
            var auth = new AuthOptions { SigningKey = Environment.GetEnvironmentVariable("Mesh__Auth__SigningKey") ?? AuthOptions.DevelopmentKey };
            token = DevTokens.Mint(auth, Environment.UserName, Environment.GetEnvironmentVariable("MESHCTL_PROJECT") ?? "platform", MeshPrincipal.AdminRole);
        }
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public static string BaseUrl(string service) =>
        Environment.GetEnvironmentVariable($"MESH_{service.ToUpperInvariant()}_URL") ?? $"http://127.0.0.1:{Ports[service]}";

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string service, string path, JsonNode? body = null, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(method, BaseUrl(service) + path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        return _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    /// <summary>The JSON body of a successful answer; a refusal becomes a <see cref="CliException"/> with its code.</summary>
    public async Task<JsonNode?> JsonAsync(HttpMethod method, string service, string path, JsonNode? body = null, CancellationToken ct = default)
    {
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(method, service, path, body, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot reach the {service} service at {BaseUrl(service)} ({ex.Message}); is `./mesh up` running?");
        }
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw CliException.FromProblem((int)response.StatusCode, text, service);
        }
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}

/// <summary>An error meshctl prints and exits with.</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException FromProblem(int status, string body, string service)
    {
        try
        {
            var problem = JsonNode.Parse(body);
            var code = problem?["code"]?.GetValue<string>() ?? problem?["title"]?.GetValue<string>() ?? status.ToString();
            var detail = problem?["detail"]?.GetValue<string>() ?? "";
            var remedy = problem?["remedy"]?.GetValue<string>();
            return new CliException($"Error from {service} ({status} {code}): {detail}" + (remedy is null ? "" : $"; remedy: {remedy}"));
        }
        catch (JsonException)
        {
            return new CliException($"Error from {service} ({status}): {body}");
        }
    }
}
