namespace Mesh.Gpu.Domain;

public sealed record Taint(string Key, string Value, TaintEffect Effect)
{
    /// <summary>PreferNoSchedule only lowers a score; it never filters a node out.</summary>
    public bool Filters => Effect != TaintEffect.PreferNoSchedule;

    public override string ToString() => $"{Key}={Value}:{Effect}";
}
