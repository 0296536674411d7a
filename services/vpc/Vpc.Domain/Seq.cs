namespace Mesh.Vpc.Domain;

// Records compare lists by reference; specs and events need structural equality so that an
// unchanged document is recognised (apply semantics) and tests can compare events.
internal static class Seq
{
    public static bool Eq<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    public static int Hash<T>(IReadOnlyList<T>? list)
    {
        var hash = new HashCode();
        foreach (var item in list ?? [])
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }
}
