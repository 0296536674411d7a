using System.Text.Json;
using System.Text.Json.Serialization;
using Mesh.Contracts;

namespace Mesh.Hosting;

/// <summary>
/// Strings from callers must not hold U+0000: PostgreSQL stores no such character in text or jsonb, so a request
/// carrying one would fail deep inside a service (a 500) instead of being refused. Checked where bodies are read:
/// resource documents (<see cref="Resources.ResourceReader"/>, <see cref="Resources.YamlJson"/>) and, as this
/// converter in the HTTP JSON options, the request records the APIs bind.
/// </summary>
public sealed class NulFreeString : JsonConverter<string>
{
    /// <summary>Returns <paramref name="text"/>, or refuses it as <c>MalformedDocument</c> when it holds U+0000.</summary>
    public static string Check(string text) => text.Contains('\0')
        ? throw new MeshException(new MeshError(ErrorCodes.Malformed, "the body holds the character U+0000, which no field may hold",
            ErrorKind.Malformed, "body", null, "remove the NUL character"))
        : text;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0') ? throw new JsonException("a string holds the character U+0000, which no field may hold") : text;
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options)!;

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
}
