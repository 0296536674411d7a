namespace Mesh.Gpu.Bench;

/// <summary>Collects figures, prints them as one table and writes them as TSV for ./mesh bench.</summary>
public static class Figures
{
    private static readonly List<string[]> Rows = [];

    public static void Row(string measure, string value, string note = "")
    {
        Rows.Add([measure, value, note]);
        Console.WriteLine($"  {measure}: {value}   {note}");
    }

    public static void Write(string? path)
    {
        Console.WriteLine();
        string[] header = ["measure", "value", "note"];
        var widths = header.Select((h, i) => Math.Max(h.Length, Rows.Count == 0 ? 0 : Rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i])));
        Console.WriteLine(Line(header));
        Console.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        Rows.ForEach(r => Console.WriteLine(Line(r)));
        if (path is not null)
        {
            File.WriteAllLines(path, Rows.Select(r => string.Join('\t', r)));
        }
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
