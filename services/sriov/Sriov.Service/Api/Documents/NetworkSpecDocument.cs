using System.Text.Json;
using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Service.Api.Documents;

/// `SriovNetwork.spec` / `SriovIBNetwork.spec` as users write it. spoofChk and trust stay raw so that an
/// unquoted YAML `on` (a boolean) reaches the rule that refuses it (SRIOV-6); `ipam` and `capabilities`
/// are JSON text blocks in the operator's CRD, objects accepted too.
public sealed class NetworkSpecDocument
{
    public string? ResourceName { get; init; }
    public string? NetworkNamespace { get; init; }
    public int? Vlan { get; init; }
    public int? VlanQoS { get; init; }
    public JsonElement? SpoofChk { get; init; }
    public JsonElement? Trust { get; init; }
    public string? LinkState { get; init; }
    public int? MaxTxRate { get; init; }
    public int? MinTxRate { get; init; }
    public JsonElement? Capabilities { get; init; }
    public JsonElement? Ipam { get; init; }

    public SriovNetworkSpec ToDomain()
    {
        var (ipam, error) = IpamText.Parse(Text(Ipam, "spec.ipam"));
        if (error is not null)
        {
            throw new MeshException(error);
        }
        return new SriovNetworkSpec(ResourceName, NetworkNamespace, Vlan, VlanQoS, Switch(SpoofChk, "spec.spoofChk"),
            Switch(Trust, "spec.trust"), LinkState, MaxTxRate, MinTxRate, Caps(Capabilities), ipam);
    }

    public static object From(SriovNetworkSpec s) => new
    {
        resourceName = s.ResourceName,
        networkNamespace = s.NetworkNamespace,
        vlan = s.Vlan,
        vlanQoS = s.VlanQoS,
        spoofChk = s.SpoofChk?.Text,
        trust = s.Trust?.Text,
        linkState = s.LinkState,
        maxTxRate = s.MaxTxRate,
        minTxRate = s.MinTxRate,
        capabilities = s.Capabilities is { } c ? JsonSerializer.Serialize(new { ips = c.Ips, mac = c.Mac }, ResourceReaderJson) : null,
        ipam = s.Ipam is { } i ? JsonSerializer.Serialize(new { type = i.Type, range = i.Range, gateway = i.Gateway, exclude = i.Exclude }, ResourceReaderJson) : null,
    };

    private static JsonSerializerOptions ResourceReaderJson => Mesh.Hosting.Resources.ResourceReader.Json;

    private static OnOff? Switch(JsonElement? value, string field) => value?.ValueKind switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String => OnOff.FromString(value.Value.GetString()!),
        JsonValueKind.True => OnOff.FromBoolean(true),
        JsonValueKind.False => OnOff.FromBoolean(false),
        _ => throw Wrong(field, value.Value, "must be the quoted string \"on\" or \"off\""),
    };

    private static string? Text(JsonElement? value, string field) => value?.ValueKind switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Object => value.Value.GetRawText(),
        _ => throw Wrong(field, value.Value, "must be a JSON object or a block of JSON text"),
    };

    private static SriovCapabilities? Caps(JsonElement? value)
    {
        var text = Text(value, "spec.capabilities");
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(text);
            return new SriovCapabilities(Flag(doc.RootElement, "ips"), Flag(doc.RootElement, "mac"));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new MeshException(new MeshError(ErrorCodes.InvalidField, $"spec.capabilities '{text}' is not {{\"ips\": true}} or {{\"mac\": true}}",
                ErrorKind.Invalid, "spec.capabilities", text, "use capabilities: '{ \"ips\": true }' or '{ \"mac\": true }'"));
        }
    }

    private static bool? Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetBoolean() : null;

    private static MeshException Wrong(string field, JsonElement value, string why) =>
        new(new MeshError(ErrorCodes.InvalidField, $"{field} '{value.GetRawText()}' {why}", ErrorKind.Invalid, field, value.GetRawText()));
}
