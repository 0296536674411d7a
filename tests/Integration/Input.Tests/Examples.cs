using Mesh.Testing;

namespace Mesh.Input.Tests;

/// <summary>The seeds' documents under examples/, as users write them.</summary>
public static class Examples
{
    public static string Read(string folder, string file) =>
        File.ReadAllText(Path.Combine(TestServers.RepositoryRoot, "examples", folder, file));

    /// <summary>One document of a multi-document YAML file.</summary>
    public static string Document(string folder, string file, int index) =>
        Read(folder, file).Split("\n---\n")[index];

    /// <summary>
    /// The document with the first field <paramref name="key"/> (and its block: deeper lines, list items) set to
    /// <paramref name="value"/> (a YAML scalar or flow collection), or removed when it is null.
    /// </summary>
    public static string With(this string yaml, string key, string? value)
    {
        var lines = yaml.TrimEnd().Split('\n').ToList();
        var at = lines.FindIndex(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        if (at < 0)
        {
            throw new ArgumentException($"no '{key}:' line in\n{yaml}");
        }
        var indent = Indent(lines[at]);
        var end = at + 1;
        while (end < lines.Count && (Indent(lines[end]) > indent || (Indent(lines[end]) == indent && lines[end].TrimStart().StartsWith("- ", StringComparison.Ordinal))))
        {
            end++;
        }
        lines.RemoveRange(at, end - at);
        if (value is not null)
        {
            lines.Insert(at, $"{new string(' ', indent)}{key}: {value}");
        }
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The document with <paramref name="line"/> added at its end (inside the last section, e.g. spec).</summary>
    public static string Append(this string yaml, string line) => yaml.TrimEnd() + "\n" + line + "\n";

    private static int Indent(string line) => line.Length - line.TrimStart().Length;
}
