using System.Globalization;
using System.Text.Json.Nodes;
using Mesh.Contracts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Mesh.Hosting.Resources;

/// <summary>
/// YAML to JSON the way Kubernetes reads it (YAML 1.1 scalars): an unquoted <c>on</c>, <c>yes</c> or
/// <c>true</c> is a boolean, an unquoted number a number, a quoted scalar always a string. That is what
/// lets the SR-IOV rule "spoofChk must be the string on/off" refuse a bare <c>on</c>, as the operator does.
/// </summary>
public static class YamlJson
{
    /// <summary>Every document of a (multi-document) YAML or JSON text, as JSON.</summary>
    public static IReadOnlyList<JsonNode?> ParseAll(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new MeshException(new MeshError(ErrorCodes.Malformed,
                $"the document is not valid YAML or JSON at line {ex.Start.Line}, column {ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}",
                ErrorKind.Malformed, "body", null, "check the indentation and quoting at that line"));
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner gives up on some broken plain scalars this way instead of with a YamlException.
            throw new MeshException(new MeshError(ErrorCodes.Malformed, $"the document is not valid YAML or JSON: {ex.Message}",
                ErrorKind.Malformed, "body", null, "check the indentation and quoting"));
        }
        return stream.Documents.Select(d => Convert(d.RootNode)).Where(n => n is not null).ToArray();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => ConvertMap(map),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => null,
    };

    private static JsonObject ConvertMap(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? throw new MeshException(new MeshError(ErrorCodes.Malformed,
                $"a mapping key at line {key.Start.Line}, column {key.Start.Column} is not a plain name", ErrorKind.Malformed, "body", null,
                "write a plain name before the colon"));
            if (name.Length == 0)
            {
                // e.g. seed 001's template pod, requests: {: '1'}: a value with no name.
                throw new MeshException(new MeshError(ErrorCodes.Malformed,
                    $"an empty mapping key at line {key.Start.Line}, column {key.Start.Column}: a value with no name", ErrorKind.Malformed, "body", null,
                    "write the field's name before the colon, e.g. requests: {nvidia.com/gpu: '1'}"));
            }
            NulFreeString.Check(name);
            if (obj.ContainsKey(name))
            {
                throw new MeshException(new MeshError(ErrorCodes.Malformed,
                    $"the key '{name}' appears twice in one mapping (line {key.Start.Line})", ErrorKind.Malformed, name, null, "keep one of them"));
            }
            obj[name] = Convert(value);
        }
        return obj;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var value = NulFreeString.Check(scalar.Value ?? "");
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(value);
        }
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N":
                return JsonValue.Create(false);
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (value.Any(char.IsDigit) && !value.Contains(':') && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            && !value.Count(c => c == '.').Equals(3))
        {
            return JsonValue.Create(real);
        }
        return JsonValue.Create(value);
    }
}
