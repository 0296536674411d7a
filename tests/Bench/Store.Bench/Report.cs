namespace Mesh.Store.Bench;

/// <summary>Collects result rows and prints them as one table; also writes them as TSV for ./mesh bench.</summary>
public static class Report
{
    private static readonly List<string[]> Rows = [];
    private static readonly List<(string Label, double Value, double Reference)> Figures = [];

    /// <summary>A figure beside its reference; <paramref name="plot"/> adds (value, reference) to the plot data.</summary>
    public static void Row(string measure, string value, string reference, string ratio, string note = "", (double Value, double Reference)? plot = null)
    {
        Rows.Add([measure, value, reference, ratio, note]);
        if (plot is { } p)
        {
            Figures.Add((measure, p.Value, p.Reference));
        }
        Console.WriteLine($"  {measure}: {value}   ref {reference}   {ratio}   {note}");
    }

    public static void Write(string? path)
    {
        Console.WriteLine();
        string[] header = ["measure", "value", "reference (same run)", "ratio", "note"];
        var widths = header.Select((h, i) => Math.Max(h.Length, Rows.Count == 0 ? 0 : Rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i])));
        Console.WriteLine(Line(header));
        Console.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in Rows)
        {
            Console.WriteLine(Line(row));
        }
        if (path is not null)
        {
            File.WriteAllLines(path, Rows.Select(r => string.Join('\t', r)));
            File.WriteAllLines(Path.ChangeExtension(path, ".data"),
                Figures.Select(f => FormattableString.Invariant($"\"{f.Label}\"\t{f.Value:0.##}\t{f.Reference:0.##}")));
        }
    }

    public static string Ratio(double value, double reference, double target) =>
        reference <= 0 ? "n/a" : $"{value / reference:0.00}x (target >= {target:0.0}x{(value / reference >= target ? "" : ", SHORT")})";

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
