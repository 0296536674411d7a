using System.Globalization;

namespace Mesh.Gpu.Domain;

/// <summary>Kubernetes resource quantities as they appear in a pod spec: "2", "500m", "2Gi", "1024Mi", "1G".</summary>
public static class Quantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("Pi", 1024m * 1024 * 1024 * 1024 * 1024), ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024),
        ("n", 0.000000001m), ("u", 0.000001m), ("m", 0.001m), ("k", 1000m), ("M", 1000_000m),
        ("G", 1000_000_000m), ("T", 1000_000_000_000m), ("P", 1000_000_000_000_000m), ("E", 1000_000_000_000_000_000m),
    ];

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Trim();
        var factor = 1m;
        foreach (var (suffix, f) in Suffixes)
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                s = s[..^suffix.Length];
                factor = f;
                break;
            }
        }
        if (s.Length == 0 || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        try
        {
            value = number * factor;
        }
        catch (OverflowException)
        {
            return false;
        }
        return true;
    }

    /// <summary>A count such as nvidia.com/gpu: a non-negative whole number.</summary>
    public static bool TryParseWhole(string? text, out long value)
    {
        value = 0;
        if (!TryParse(text, out var d) || d != decimal.Truncate(d) || d > long.MaxValue)
        {
            return false;
        }
        value = (long)d;
        return true;
    }
}
