namespace Mesh.Testing;

/// <summary>Times and queries for as-of reads (<c>GET ...?asOf=</c>, SRE-2).</summary>
public static class AsOf
{
    /// <summary>Long before any test wrote anything.</summary>
    public static readonly DateTimeOffset LongAgo = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A moment clearly between what was written before the call and what is written after it: events carry the
    /// time of their append, so a margin either side keeps clock granularity out of the test.
    /// </summary>
    public static async Task<DateTimeOffset> MomentAsync()
    {
        await Task.Delay(200);
        var now = DateTimeOffset.UtcNow;
        await Task.Delay(200);
        return now;
    }

    /// <summary><paramref name="path"/> with <c>?asOf=</c> (or <c>&amp;asOf=</c>) <paramref name="at"/>.</summary>
    public static string Query(string path, DateTimeOffset at) =>
        path + (path.Contains('?') ? "&" : "?") + "asOf=" + Uri.EscapeDataString(at.ToString("O"));
}
