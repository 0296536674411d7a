using System.Text;
using System.Text.Json.Nodes;

namespace Mesh.Input.Tests.Fuzz;

/// <summary>
/// Seeded mutations of a valid document: on its tree (drop a field, change a type, an extreme, empty, unicode, huge,
/// negative or malformed value, an unknown field, another kind, deep nesting) sent as JSON, or on its text (truncated,
/// a duplicated key, invalid UTF-8, broken JSON/YAML syntax). Each mutation says what it did, for the report.
/// </summary>
public sealed class Mutator(Random random)
{
    public static readonly string[] Extremes =
    [
        "", " ", "\t\n", "null", "true", "0", "-1", "4294967296", "-9223372036854775809", "1e309", "NaN",
        "ü名字🙂", "\u202Eevil", "a\u0000b", "\uFEFFname", "Z̷̧a̸l̶g̷o", "../../etc/passwd", "' OR 1=1 --", "${jndi:ldap://x}", "%s%n%x",
        "10.0.0.0/33", "10.0.0.1/24", "999.1.1.1", "10.0.0", "::::", "fe80::1%eth0", "0.0.0.0/0", "255.255.255.255/32", "10.0.0.0/-1",
        "10.0.0.1..10.0.0.0", "1.2.3.4,5.6.7.8,9.9.9.9", "0000:zz:00.0", "GPU-", "UPPER-Case", "-leading", "trailing-", "a.b.c.d.e.f",
        new string('a', 64), new string('x', 5000), new string('9', 400),
    ];

    private static readonly JsonNode?[] OtherTypes =
        [null, JsonValue.Create(true), JsonValue.Create(-1), JsonValue.Create(long.MaxValue), JsonValue.Create(1e308), JsonValue.Create(0.5),
         new JsonArray(), new JsonObject(), new JsonArray(JsonValue.Create("x"), JsonValue.Create(1)), new JsonObject { ["k"] = "v" }];

    public (string Body, string ContentType, string What) Mutate(string seed)
    {
        var tree = JsonTree.Parse(seed);
        return random.Next(10) switch
        {
            < 6 when tree is not null => Tree(tree),
            _ => Text(seed),
        };
    }

    /// <summary>A leaf-value mutation only (a bus command must stay a record of its type).</summary>
    public (string Json, string What) MutateValue(string json)
    {
        var tree = JsonNode.Parse(json)!;
        var (parent, key) = Pick(tree, leavesOnly: true);
        var value = random.Next(3) switch
        {
            0 => JsonValue.Create(Extreme()),
            1 => OtherTypes[random.Next(OtherTypes.Length)]?.DeepClone(),
            _ => null,
        };
        JsonTree.Set(parent, key, value);
        return (tree.ToJsonString(), $"value {key} := {JsonTree.Show(value)}");
    }

    private (string, string, string) Tree(JsonNode tree)
    {
        var (parent, key) = Pick(tree, leavesOnly: false);
        string what;
        switch (random.Next(8))
        {
            case 0:
                JsonTree.Remove(parent, key);
                what = $"drop {key}";
                break;
            case 1:
                var other = OtherTypes[random.Next(OtherTypes.Length)]?.DeepClone();
                JsonTree.Set(parent, key, other);
                what = $"type {key} := {JsonTree.Show(other)}";
                break;
            case 2 or 3:
                var extreme = Extreme();
                JsonTree.Set(parent, key, JsonValue.Create(extreme));
                what = $"value {key} := {JsonTree.Show(JsonValue.Create(extreme))}";
                break;
            case 4:
                var target = parent as JsonObject ?? tree as JsonObject;
                target?.Add($"x-fuzz-{random.Next(1000)}", "unknown");
                what = "unknown field";
                break;
            case 5:
                var root = (JsonObject)tree;
                var field = random.Next(2) == 0 ? "apiVersion" : "kind";
                root[field] = random.Next(2) == 0 ? "v1" : "Pod";
                what = $"wrong {field}";
                break;
            case 6:
                var depth = random.Next(2) == 0 ? 70 : 5000;
                JsonTree.Set(parent, key, JsonValue.Create(NestMarker));
                what = $"nesting {depth} deep at {key}";
                return (tree.ToJsonString().Replace($"\"{NestMarker}\"", new string('[', depth) + new string(']', depth)), "application/json", "tree: " + what);
            default:
                JsonTree.Set(parent, key, JsonValue.Create(new string('y', random.Next(2) == 0 ? 70_000 : 1_000_000)));
                what = $"huge string at {key}";
                break;
        }
        return (tree.ToJsonString(), "application/json", "tree: " + what);
    }

    private (string, string, string) Text(string seed)
    {
        var yaml = !seed.TrimStart().StartsWith('{');
        var type = yaml ? "application/yaml" : "application/json";
        switch (random.Next(10))
        {
            case 0:
                return (seed[..random.Next(seed.Length)], type, "truncated");
            case 1:
                var lines = seed.Split('\n').ToList();
                var at = random.Next(lines.Count);
                lines.Insert(at, lines[at]);
                return (string.Join('\n', lines), type, "duplicated line (key)");
            case 2:
                return (yaml ? seed.Replace("apiVersion:", "apiVersion: x\napiVersion:") : seed.Replace("{\"apiVersion\":", "{\"apiVersion\":\"x\",\"apiVersion\":"),
                    type, "duplicate apiVersion key");
            case 3:
                return (Latin1Garbage(seed), type, "invalid UTF-8");
            case 4:
                var i = random.Next(seed.Length);
                var junk = SyntaxJunk[random.Next(SyntaxJunk.Length)];
                return (seed[..i] + junk + seed[i..], type, $"syntax: '{junk}' inserted");
            case 5:
                return (random.Next(4) switch { 0 => "", 1 => "null", 2 => "[]", _ => "42" }, type, "empty or scalar body");
            case 6:
                return (seed + "\n---\n" + seed, "application/yaml", "two documents");
            case 7:
                return (seed, random.Next(2) == 0 ? "text/plain" : "application/xml", "wrong content type");
            case 8 when yaml && seed.Contains("\nspec:\n", StringComparison.Ordinal):
                // Seed 001's template pod as extracted: requests: {: '1'} (a mapping key with no name).
                return (seed.Replace("\nspec:\n", "\nspec:\n  requests: {: '1'}\n"), type, "empty mapping key");
            default:
                return ("a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n" +
                        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d]\n", "application/yaml", "YAML aliases");
        }
    }

    // Bytes that are not UTF-8 (a lone 0xC3, 0xFF), sent as they are: the caller posts the Latin-1 encoding of this text.
    private string Latin1Garbage(string seed)
    {
        var i = random.Next(seed.Length);
        return seed[..i] + "\u00C3(\u00FF\u00FE" + seed[i..];
    }

    public static byte[] Encode(string body, string what) =>
        what == "invalid UTF-8" ? Encoding.Latin1.GetBytes(body) : Encoding.UTF8.GetBytes(body);

    private string Extreme() => Extremes[random.Next(Extremes.Length)];

    private const string NestMarker = "__fuzz_nest__";
    private const string SyntaxJunk = "{}[]:,\"'\t&*!|>%@`-#";

    // A random place in the tree: (container, property name or index as text).
    private (JsonNode Parent, string Key) Pick(JsonNode root, bool leavesOnly)
    {
        var places = new List<(JsonNode, string)>();
        void Walk(JsonNode node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (k, v) in o)
                    {
                        if (!leavesOnly || v is not (JsonObject or JsonArray))
                        {
                            places.Add((o, k));
                        }
                        if (v is not null)
                        {
                            Walk(v);
                        }
                    }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (!leavesOnly || a[i] is not (JsonObject or JsonArray))
                        {
                            places.Add((a, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                        }
                        if (a[i] is { } child)
                        {
                            Walk(child);
                        }
                    }
                    break;
            }
        }
        Walk(root);
        return places.Count == 0 ? (root, "") : places[random.Next(places.Count)];
    }
}
