using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mesh.NodeAgent;

/// <summary>
/// The agent's local view of what the control plane gave its node (addresses, VFs, GPUs, desired
/// SR-IOV configuration), rebuilt from node-scoped events and written atomically to a file.
/// </summary>
public sealed class NodeState(string path)
{
    private readonly Lock _gate = new();
    private readonly JsonObject _root = Load(path);

    private static JsonObject Load(string path) =>
        File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject existing ? existing : new JsonObject();

    /// <summary>
    /// Applies one event: "XAllocated"/"XAssigned"/"XDesired" set the entry of its pod (or the node)
    /// under family X; "XReleased" removes it. Every event is also kept in a bounded journal. False when
    /// nothing was applied: a redelivery (same message id), or a late copy whose <c>generation</c> is not
    /// newer than the last one applied to the same entry (a stale desired configuration must not undo a newer one).
    /// </summary>
    public bool Apply(string type, JsonObject message, Guid? messageId)
    {
        lock (_gate)
        {
            var journal = _root["journal"] as JsonArray ?? [];
            if (messageId is { } id && journal.Any(j => j?["id"]?.ToString() == id.ToString()))
            {
                return false; // a redelivery
            }
            var (family, release) = Family(type);
            var families = _root["resources"] as JsonObject ?? new JsonObject();
            var entries = families[family] as JsonObject ?? new JsonObject();
            var key = message["podUid"]?.ToString() ?? message["podUID"]?.ToString() ?? "node";
            if (message["interface"] is { } iface)
            {
                key += "/" + iface;
            }
            var generations = _root["generations"] as JsonObject ?? new JsonObject();
            if (message["generation"] is JsonValue g && g.TryGetValue<long>(out var generation) && generation > 0)
            {
                if (generations[$"{family}/{key}"] is JsonValue seen && seen.TryGetValue<long>(out var last) && last >= generation)
                {
                    return false; // overtaken by a newer one
                }
                generations[$"{family}/{key}"] = generation;
                _root["generations"] = generations;
            }
            if (release)
            {
                var prefix = key.Split('/')[0];
                foreach (var k in entries.Select(e => e.Key).Where(k => k == key || (message["interface"] is null && k.Split('/')[0] == prefix)).ToList())
                {
                    entries.Remove(k);
                }
            }
            else
            {
                entries[key] = message.DeepClone();
            }
            families[family] = entries;
            _root["resources"] = families;
            journal.Add(new JsonObject { ["id"] = messageId?.ToString(), ["type"] = type, ["at"] = DateTimeOffset.UtcNow.ToString("O") });
            while (journal.Count > 500)
            {
                journal.RemoveAt(0);
            }
            _root["journal"] = journal;
            Save();
            return true;
        }
    }

    public JsonObject Snapshot()
    {
        lock (_gate)
        {
            return (JsonObject)_root.DeepClone();
        }
    }

    public static (string Family, bool Release) Family(string type)
    {
        foreach (var suffix in new[] { "Released", "Removed", "Deleted" })
        {
            if (type.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (type[..^suffix.Length], true);
            }
        }
        foreach (var suffix in new[] { "Allocated", "Assigned", "Desired", "Announced", "Changed", "Reported" })
        {
            if (type.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (type[..^suffix.Length], false);
            }
        }
        return (type, false);
    }

    private void Save()
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, _root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temp, path, overwrite: true);
    }
}
