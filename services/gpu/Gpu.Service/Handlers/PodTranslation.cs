using Mesh.Contracts;
using Mesh.Contracts.Gpu;
using Mesh.Gpu.Domain;
using Mesh.Hosting;

namespace Mesh.Gpu.Service.Handlers;

/// <summary>The bus/API pod descriptor into the domain's request; enums and annotations checked with a field path.</summary>
public static class PodTranslation
{
    public const string ExclusiveAnnotation = "gpu.mesh.io/exclusive";
    public const string StrategyAnnotation = "gpu.mesh.io/scheduling-strategy";

    public static GpuPodRequest ToRequest(GpuPod pod)
    {
        var tolerations = (pod.Tolerations ?? []).Select((t, i) => Toleration(t, i)).ToList();
        var exclusive = pod.Annotations?.GetValueOrDefault(ExclusiveAnnotation) is { } text
            ? Flag(text, $"metadata.annotations[{ExclusiveAnnotation}]")
            : false;
        return new GpuPodRequest(pod.Uid, pod.Namespace ?? "", pod.Name ?? "", pod.Project ?? "", pod.RuntimeClassName,
            pod.WorkloadKind ?? "", pod.Requests ?? new Dictionary<string, string>(), tolerations, pod.NodeSelector, exclusive,
            VisibleDevices(pod));
    }

    public static PackStrategy Strategy(string? requested, GpuPod pod)
    {
        var text = requested ?? pod.Annotations?.GetValueOrDefault(StrategyAnnotation);
        return text?.ToLowerInvariant() switch
        {
            null or "" or "binpack" or "bin-pack" => PackStrategy.BinPack,
            "spread" => PackStrategy.Spread,
            _ => throw Invalid("strategy", text, "strategy must be binpack or spread"),
        };
    }

    private static IReadOnlyList<int>? VisibleDevices(GpuPod pod)
    {
        var env = pod.Env ?? new Dictionary<string, string>();
        foreach (var name in new[] { GpuResources.NvidiaVisibleDevices, GpuResources.CxpuVisibleDevices })
        {
            if (env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                // GPU-13, seed 001: "all" (any case) is no isolation: the pod shares the cards it is given.
                if (string.Equals(value.Trim(), "all", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
                var parts = value.Trim().Trim('(', ')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                return parts.Length > 0 && parts.All(p => int.TryParse(p, System.Globalization.NumberStyles.None, null, out _))
                    ? parts.Select(int.Parse).ToList()
                    : throw Invalid($"env[{name}]", value, "write all (every card shared) or the pinned cards' indexes, e.g. \"0\" or \"0,1\"");
            }
        }
        return null;
    }

    private static Toleration Toleration(GpuToleration t, int i)
    {
        var op = t.Operator switch
        {
            null or "" or "Equal" => TolerationOperator.Equal,
            "Exists" => TolerationOperator.Exists,
            _ => throw Invalid($"tolerations[{i}].operator", t.Operator, "operator must be Equal or Exists"),
        };
        TaintEffect? effect = string.IsNullOrEmpty(t.Effect) ? null : Effect(t.Effect, $"tolerations[{i}].effect");
        return new Toleration(t.Key, op, t.Value, effect);
    }

    public static TaintEffect Effect(string? text, string field) => Enum.TryParse<TaintEffect>(text, false, out var e) && Enum.IsDefined(e)
        && !int.TryParse(text, out _)
            ? e
            : throw Invalid(field, text, "effect must be NoSchedule, PreferNoSchedule or NoExecute");

    private static bool Flag(string text, string field) => text.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw Invalid(field, text, "the annotation is \"true\" or \"false\""),
    };

    public static MeshException Invalid(string field, string? value, string why) => new(GpuErrors.InvalidRequest(field, value, why));
}
