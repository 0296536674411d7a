using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mesh.Ctl;

/// <summary>Renders answers as YAML, JSON or a table, the way kubectl does.</summary>
public static class Output
{
    // Plain UTF-8 out (kubectl's habit): no \u0022 for a quote, no \u00e9 for an accent.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(JsonNode? node) => node?.ToJsonString(Indented) ?? "null";

    public static string Yaml(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node, 0, inList: false);
        return sb.ToString().TrimEnd() + "\n";
    }

    private static void Write(StringBuilder sb, JsonNode? node, int indent, bool inList)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                var first = true;
                foreach (var (key, value) in obj)
                {
                    sb.Append(first && inList ? "" : pad).Append(Key(key)).Append(':');
                    first = false;
                    WriteValue(sb, value, indent);
                }
                break;
            case JsonArray arr when arr.Count > 0:
                foreach (var item in arr)
                {
                    sb.Append(pad).Append("- ");
                    if (item is JsonObject { Count: > 0 })
                    {
                        Write(sb, item, indent + 2, inList: true);
                    }
                    else
                    {
                        sb.Append(Scalar(item)).Append('\n');
                    }
                }
                break;
            default:
                sb.Append(pad).Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, JsonNode? value, int indent)
    {
        if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            sb.Append('\n');
            Write(sb, value, indent + 2, inList: false);
        }
        else
        {
            sb.Append(' ').Append(Scalar(value)).Append('\n');
        }
    }

    private static string Key(string key) => NeedsQuotes(key) ? Quote(key) : key;

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => NeedsQuotes(v.GetValue<string>()) ? Quote(v.GetValue<string>()) : v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    // Quote anything YAML 1.1 would read as another type or as structure ("on", "10", "a: b").
    private static bool NeedsQuotes(string s) =>
        s.Length == 0 || s.Any(c => ":#{}[],&*!|>'\"%@`\n".Contains(c)) || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])
        || s.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "null" or "~"
        || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || s.StartsWith('-');

    private static string Quote(string s) => JsonSerializer.Serialize(s, Plain);

    /// <summary>NAME plus a few columns (wide adds more) for a list of resources.</summary>
    public static string Table(IEnumerable<JsonNode?> items, bool wide)
    {
        var rows = items.Where(i => i is not null).Select(i => Columns(i!, wide)).ToList();
        if (rows.Count == 0)
        {
            return "No resources found.\n";
        }
        var header = wide ? new[] { "NAME", "NAMESPACE", "KIND", "VERSION", "READY", "SPEC" } : ["NAME", "NAMESPACE", "KIND", "READY"];
        var widths = header.Select((h, c) => Math.Max(h.Length, rows.Max(r => r[c].Length))).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine(string.Join("   ", header.Select((h, c) => h.PadRight(widths[c]))).TrimEnd());
        foreach (var row in rows)
        {
            sb.AppendLine(string.Join("   ", row.Select((v, c) => v.PadRight(widths[c]))).TrimEnd());
        }
        return sb.ToString();
    }

    private static string[] Columns(JsonNode item, bool wide)
    {
        var ready = item["status"]?["conditions"]?.AsArray().FirstOrDefault(c => c?["type"]?.GetValue<string>() == "Ready")?["status"]?.ToString() ?? "-";
        var name = item["metadata"]?["name"]?.ToString() ?? "?";
        var ns = item["metadata"]?["namespace"]?.ToString() ?? "";
        var kind = item["kind"]?.ToString() ?? "";
        if (!wide)
        {
            return [name, ns, kind, ready];
        }
        var spec = item["spec"]?.ToJsonString() ?? "";
        return [name, ns, kind, item["metadata"]?["resourceVersion"]?.ToString() ?? "", ready, spec.Length > 80 ? spec[..77] + "..." : spec];
    }
}
