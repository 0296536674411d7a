namespace Mesh.Gpu.Domain;

/// <summary>A pod toleration with Kubernetes matching: an empty key with Exists tolerates everything.</summary>
public sealed record Toleration(
    string? Key,
    TolerationOperator Operator = TolerationOperator.Equal,
    string? Value = null,
    TaintEffect? Effect = null)
{
    public static readonly Toleration Accelerator = new("accelerator", TolerationOperator.Equal, "true", TaintEffect.NoSchedule);

    public bool Tolerates(Taint taint)
    {
        if (Effect is { } effect && effect != taint.Effect)
        {
            return false;
        }
        if (string.IsNullOrEmpty(Key))
        {
            return Operator == TolerationOperator.Exists;
        }
        if (Key != taint.Key)
        {
            return false;
        }
        return Operator == TolerationOperator.Exists || (Value ?? "") == taint.Value;
    }
}
