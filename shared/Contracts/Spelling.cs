namespace Mesh.Contracts;

/// <summary>"Did you mean ...?": the known name nearest to one a user wrote (COMMON-8).</summary>
public static class Spelling
{
    /// <summary>The known name closest to <paramref name="name"/> (case, a typo or two), or null when none is close.</summary>
    public static string? Nearest(string name, IEnumerable<string> known)
    {
        // Close: a typo or two, or a known name that the written one begins (cidr for cidrBlock).
        var best = known.Where(k => !string.Equals(k, name, StringComparison.Ordinal))
            .Select(k => (Name: k, Distance: Distance(name.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, name.Length / 3)
                || (name.Length >= 3 && c.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name;
    }

    /// <summary>"; did you mean X?" when a known name is close to <paramref name="name"/>, else empty.</summary>
    public static string DidYouMean(string name, IEnumerable<string> known) =>
        Nearest(name, known) is { } nearest ? $"; did you mean {nearest}?" : "";

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
