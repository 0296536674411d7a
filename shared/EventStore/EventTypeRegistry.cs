using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mesh.EventSourcing;

/// <summary>
/// Maps CLR event types to the explicit, versioned names stored in the log
/// (<c>ipam.ip-allocated.v1</c>). A stored name never changes; a new shape gets a new name.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly ConcurrentDictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _byType = new();

    /// <summary>The JSON settings for event bodies and metadata.</summary>
    public JsonSerializerOptions Json { get; } = CreateJsonOptions();

    /// <summary>camelCase, enums as strings, nulls omitted: readable from any language.</summary>
    public static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="name"/>.</summary>
    public EventTypeRegistry Register<T>(string name) => Register(typeof(T), name);

    /// <summary>Registers <paramref name="type"/> under <paramref name="name"/>.</summary>
    public EventTypeRegistry Register(Type type, string name)
    {
        if (_byName.TryGetValue(name, out var existing) && existing != type)
        {
            throw new InvalidOperationException($"event type name '{name}' is already used by {existing.FullName}");
        }
        _byName[name] = type;
        _byType[type] = name;
        return this;
    }

    /// <summary>The stored name of <paramref name="type"/>.</summary>
    public string NameOf(Type type) =>
        _byType.TryGetValue(type, out var name)
            ? name
            : throw new InvalidOperationException($"event type {type.FullName} is not registered; call Register<{type.Name}>(\"service.event-name.v1\")");

    /// <summary>The CLR type stored as <paramref name="name"/>, if known here.</summary>
    public Type? TypeOf(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Every registered name.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys.ToArray();

    /// <summary>Serializes an event body.</summary>
    public string Serialize(object data) => JsonSerializer.Serialize(data, data.GetType(), Json);

    /// <summary>Deserializes a stored event body, or null when its type is not registered here.</summary>
    public object? Deserialize(string name, string json) =>
        TypeOf(name) is { } type ? JsonSerializer.Deserialize(json, type, Json) : null;

    /// <summary>The event with <see cref="RecordedEvent.Data"/> filled in.</summary>
    public RecordedEvent Resolve(RecordedEvent e) =>
        e.Data is not null ? e : e with { Data = Deserialize(e.Type, e.DataJson) };
}
