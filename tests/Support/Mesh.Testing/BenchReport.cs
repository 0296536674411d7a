using System.Globalization;

namespace Mesh.Testing;

/// <summary>
/// The figures of one benchmark program for <c>./mesh bench</c>: each row a measure beside its reference
/// measured in the same run, printed as one table and written as TSV (plus plot data). References that a
/// later program compares against (pgbench's rate, the bus echo) are saved beside the TSV and loaded
/// from <c>--refs</c>, so every ratio comes from one run on one machine.
/// </summary>
public static class BenchReport
{
    private static readonly List<string[]> Rows = [];
    private static readonly List<(string Label, double Value, double Reference)> Figures = [];
    private static readonly Dictionary<string, double> Saved = new(StringComparer.Ordinal);

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

    /// <summary>Keeps a reference figure for the programs that run after this one.</summary>
    public static void Keep(string name, double value) => Saved[name] = value;

    /// <summary>The references kept by earlier programs (<c>--refs FILE</c>); empty when none was given.</summary>
    public static IReadOnlyDictionary<string, double> References(string[] args)
    {
        var path = Option(args, "--refs");
        if (path is null || !File.Exists(path))
        {
            return new Dictionary<string, double>();
        }
        return File.ReadAllLines(path)
            .Select(l => l.Split('\t'))
            .Where(p => p.Length == 2 && double.TryParse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    /// <summary>The value after <paramref name="name"/> on the command line.</summary>
    public static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    /// <summary>Prints the table; with <c>--out FILE</c> writes FILE (TSV), its <c>.data</c> (plot) and <c>.refs</c>.</summary>
    public static void Write(string[] args)
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
        if (Option(args, "--out") is not { } path)
        {
            return;
        }
        File.WriteAllLines(path, Rows.Select(r => string.Join('\t', r)));
        File.WriteAllLines(Path.ChangeExtension(path, ".data"),
            Figures.Select(f => FormattableString.Invariant($"\"{f.Label}\"\t{f.Value:0.##}\t{f.Reference:0.##}")));
        File.WriteAllLines(Path.ChangeExtension(path, ".refs"),
            Saved.Select(kv => FormattableString.Invariant($"{kv.Key}\t{kv.Value:0.###}")));
    }

    /// <summary><c>0.85x (target >= 0.8x)</c>, with <c>SHORT</c> when below the target.</summary>
    public static string Ratio(double value, double reference, double target) =>
        reference <= 0 || double.IsNaN(reference) ? "n/a (no reference in this run)" : $"{value / reference:0.00}x (target >= {target:0.0}x{(value / reference >= target ? "" : ", SHORT")})";

    /// <summary>The <paramref name="p"/>th percentile of an ascending list.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
