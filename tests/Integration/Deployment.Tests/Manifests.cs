namespace Mesh.Deployment.Tests;

/// <summary>One Kubernetes object read from deploy/k8s.</summary>
public sealed record Manifest(string File, object Document)
{
    public string Kind => Document.Str("kind") ?? "";

    public string Name => Document.Str("metadata.name") ?? "";

    public override string ToString() => $"{Kind}/{Name} ({File})";
}

/// <summary>The manifests and kustomizations under deploy/k8s.</summary>
public static class Manifests
{
    public static readonly string K8s = Repo.PathOf("deploy/k8s");

    public static readonly HashSet<string> KnownKinds =
    [
        "Namespace", "ConfigMap", "Secret", "Service", "Deployment", "StatefulSet", "PodDisruptionBudget",
        "ServiceAccount", "Role", "RoleBinding", "NetworkPolicy", "HorizontalPodAutoscaler", "Job", "CronJob",
        "PersistentVolumeClaim", "Ingress",
    ];

    /// <summary>Every YAML file under deploy/k8s.</summary>
    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(K8s, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>The kustomization files (base and overlays).</summary>
    public static IEnumerable<string> Kustomizations() => Files().Where(f => Path.GetFileName(f) == "kustomization.yaml");

    /// <summary>The objects a kustomization directory includes through <c>resources</c> (recursively), before patches.</summary>
    public static IReadOnlyList<Manifest> Resources(string directory)
    {
        var kustomization = Yaml.LoadAll(Path.Combine(directory, "kustomization.yaml")).Single();
        var result = new List<Manifest>();
        foreach (var resource in kustomization.List("resources").Cast<string>())
        {
            var path = Path.GetFullPath(Path.Combine(directory, resource));
            if (Directory.Exists(path))
            {
                result.AddRange(Resources(path));
                continue;
            }
            result.AddRange(Yaml.LoadAll(path).Where(d => d is not null).Select(d => new Manifest(Path.GetRelativePath(K8s, path), d!)));
        }
        return result;
    }

    /// <summary>The names of the ConfigMaps a kustomization generates, with those of the kustomizations it includes.</summary>
    public static HashSet<string> GeneratedConfigMaps(string directory)
    {
        var kustomization = Yaml.LoadAll(Path.Combine(directory, "kustomization.yaml")).Single();
        var names = kustomization.List("configMapGenerator").Select(g => g.Str("name")!).ToHashSet();
        foreach (var resource in kustomization.List("resources").Cast<string>())
        {
            var path = Path.GetFullPath(Path.Combine(directory, resource));
            if (Directory.Exists(path))
            {
                names.UnionWith(GeneratedConfigMaps(path));
            }
        }
        return names;
    }

    public static string Base => Path.Combine(K8s, "base");

    public static string Production => Path.Combine(K8s, "overlays", "production");

    /// <summary>The pod template of a Deployment or StatefulSet.</summary>
    public static object PodSpec(this Manifest workload) => workload.Document.At("spec.template.spec")!;

    /// <summary>Containers and init containers.</summary>
    public static IEnumerable<object> AllContainers(this Manifest workload) =>
        workload.PodSpec().List("containers").Concat(workload.PodSpec().List("initContainers"));
}
