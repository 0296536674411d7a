using System.Text.RegularExpressions;

namespace Mesh.Deployment.Tests;

public sealed class KubernetesManifestTests
{
    private static readonly IReadOnlyList<Manifest> Base = Manifests.Resources(Manifests.Base);

    private static IEnumerable<Manifest> Workloads => Base.Where(m => m.Kind is "Deployment" or "StatefulSet");

    private static Manifest DeploymentOf(string service) =>
        Base.SingleOrDefault(m => m.Kind == "Deployment" && m.Name == service) ?? throw new Xunit.Sdk.XunitException($"no Deployment {service} in deploy/k8s/base");

    [Fact]
    public void Every_document_parses_and_has_a_known_kind()
    {
        var count = 0;
        foreach (var file in Manifests.Files())
        {
            foreach (var doc in Yaml.LoadAll(file))
            {
                count++;
                if (doc is List<object>)
                {
                    continue; // a JSON 6902 patch (a list of operations)
                }
                var kind = doc.Str("kind");
                Assert.False(string.IsNullOrEmpty(kind), $"{file}: a document without kind");
                Assert.False(string.IsNullOrEmpty(doc.Str("apiVersion")), $"{file}: {kind} without apiVersion");
                Assert.True(kind == "Kustomization" || Manifests.KnownKinds.Contains(kind!), $"{file}: unknown kind {kind}");
                if (kind != "Kustomization")
                {
                    Assert.False(string.IsNullOrEmpty(doc.Str("metadata.name")), $"{file}: {kind} without a name");
                }
            }
        }
        Assert.True(count > 20, $"only {count} documents under deploy/k8s");
    }

    [Fact]
    public void Every_file_a_kustomization_names_exists()
    {
        foreach (var file in Manifests.Kustomizations())
        {
            var dir = Path.GetDirectoryName(file)!;
            var k = Yaml.LoadAll(file).Single();
            var paths = k.List("resources").Cast<string>()
                .Concat(k.List("patches").Select(p => p.Str("path")).OfType<string>())
                .Concat(k.List("configMapGenerator").SelectMany(g => g.List("files").Cast<string>()).Select(f => f.Split('=').Last()))
                .Concat(k.List("secretGenerator").SelectMany(g => g.List("files").Cast<string>()).Select(f => f.Split('=').Last()));
            foreach (var path in paths)
            {
                var full = Path.Combine(dir, path);
                Assert.True(File.Exists(full) || File.Exists(Path.Combine(full, "kustomization.yaml")),
                    $"{Path.GetRelativePath(Manifests.K8s, file)} names {path}, which does not exist");
            }
        }
    }

    [Fact]
    public void Every_workload_selects_its_own_pods_and_a_Service_selects_them()
    {
        var services = Base.Where(m => m.Kind == "Service").ToList();
        foreach (var workload in Workloads)
        {
            var labels = workload.Document.Strings("spec.template.metadata.labels");
            Assert.True(workload.Document.Strings("spec.selector.matchLabels").Selects(labels), $"{workload}: selector does not match the template labels");
            Assert.True(services.Any(s => s.Document.Strings("spec.selector").Selects(labels)), $"{workload}: no Service selects its pods");
        }
    }

    [Fact]
    public void Each_mesh_service_has_probes_on_the_health_endpoints_resources_and_a_non_root_security_context()
    {
        foreach (var s in Repo.Services)
        {
            var deployment = DeploymentOf(s);
            var container = deployment.PodSpec().List("containers").Single(c => c.Str("name") == s);
            var ports = container.List("ports").ToDictionary(p => p.Str("name") ?? "", p => p.At("containerPort")?.ToString() ?? "");
            Assert.Equal("8080", ports.GetValueOrDefault("http"));
            foreach (var (probe, path) in new[] { ("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready") })
            {
                Assert.Equal(path, container.Str($"{probe}.httpGet.path"));
                var port = container.At($"{probe}.httpGet.port")?.ToString() ?? "";
                Assert.True(ports.ContainsKey(port) || ports.ContainsValue(port), $"{s}: {probe} port {port} is not a declared container port");
            }
            foreach (var kind in new[] { "requests", "limits" })
            {
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    Assert.NotNull(container.At($"resources.{kind}.{resource}"));
                }
            }
            Assert.Equal("true", deployment.PodSpec().Str("securityContext.runAsNonRoot"));
            Assert.Equal("false", container.Str("securityContext.allowPrivilegeEscalation"));
            Assert.Contains("mesh-config", container.List("envFrom").Select(e => e.Str("configMapRef.name")));
        }
    }

    [Fact]
    public void Each_mesh_service_runs_at_least_two_replicas_in_base_and_production()
    {
        var production = Yaml.LoadAll(Path.Combine(Manifests.Production, "kustomization.yaml")).Single();
        var overrides = production.List("replicas").ToDictionary(r => r.Str("name")!, r => int.Parse(r.At("count")!.ToString()!));
        foreach (var s in Repo.Services)
        {
            var replicas = int.Parse(DeploymentOf(s).Document.At("spec.replicas")!.ToString()!);
            Assert.True(replicas >= 2, $"{s}: {replicas} replicas in base");
            var effective = overrides.GetValueOrDefault(s, replicas);
            Assert.True(effective >= 2, $"{s}: {effective} replicas in production");
        }
    }

    [Fact]
    public void Each_mesh_service_has_a_PodDisruptionBudget_over_its_pods()
    {
        foreach (var s in Repo.Services)
        {
            var labels = DeploymentOf(s).Document.Strings("spec.template.metadata.labels");
            var pdbs = Base.Where(m => m.Kind == "PodDisruptionBudget" && m.Document.Strings("spec.selector.matchLabels").Selects(labels)).ToList();
            Assert.True(pdbs.Count == 1, $"{s}: {pdbs.Count} PodDisruptionBudgets select its pods");
            Assert.True(pdbs[0].Document.At("spec.minAvailable") is not null || pdbs[0].Document.At("spec.maxUnavailable") is not null);
        }
    }

    [Fact]
    public void Images_are_named_mesh_service_everywhere()
    {
        var compose = Yaml.LoadAll(Repo.PathOf("docker-compose.yml")).Single();
        foreach (var s in Repo.Services)
        {
            var image = DeploymentOf(s).PodSpec().List("containers").Single(c => c.Str("name") == s).Str("image")!;
            Assert.Matches($@"^mesh/{s}:[A-Za-z0-9_][A-Za-z0-9_.-]*$", image);
            Assert.Equal(image.Split(':')[0], compose.Str($"services.{s}.image")!.Split(':')[0]);
            Assert.Contains($"mesh/{s}:<tag>", File.ReadAllText(Repo.PathOf(Repo.DockerfileOf(s))));
        }
        // Nothing else in base pretends to be one of ours.
        foreach (var container in Workloads.SelectMany(w => w.AllContainers()))
        {
            var image = container.Str("image")!;
            Assert.True(!image.StartsWith("mesh/", StringComparison.Ordinal) || Repo.Services.Any(s => image.StartsWith($"mesh/{s}:", StringComparison.Ordinal)), image);
        }
        var production = Yaml.LoadAll(Path.Combine(Manifests.Production, "kustomization.yaml")).Single();
        var images = production.List("images").ToList();
        Assert.Equal(Repo.Services.Select(s => $"mesh/{s}").Order(), images.Select(i => i.Str("name")!).Order());
        Assert.All(images, i => Assert.Matches(@"^[A-Za-z0-9_][A-Za-z0-9_.-]*$", i.Str("newTag") ?? ""));
    }

    [Fact]
    public void No_secret_value_is_committed_and_every_credential_comes_from_a_Secret()
    {
        foreach (var file in Manifests.Files())
        {
            foreach (var doc in Yaml.LoadAll(file).Where(d => d.Str("kind") == "Secret"))
            {
                Assert.True(doc.Map("data").Count == 0 && doc.Map("stringData").Count == 0, $"{file}: Secret {doc.Str("metadata.name")} carries values");
            }
            foreach (var doc in Yaml.LoadAll(file).Where(d => d.Str("kind") == "Kustomization"))
            {
                Assert.All(doc.List("secretGenerator"), g => Assert.Empty(g.List("literals")));
            }
        }
        var sensitive = new Regex("(?i)(password|secret|signingkey|token|cookie)");
        var readme = File.ReadAllText(Repo.PathOf("deploy/README.md"));
        foreach (var workload in Workloads)
        {
            foreach (var env in workload.AllContainers().SelectMany(c => c.List("env")))
            {
                var name = env.Str("name")!;
                if (!sensitive.IsMatch(name))
                {
                    continue;
                }
                Assert.True(env.At("value") is null, $"{workload}: {name} has a literal value");
                var secret = env.Str("valueFrom.secretKeyRef.name");
                Assert.False(string.IsNullOrEmpty(secret), $"{workload}: {name} does not come from a Secret");
                Assert.True(readme.Contains($"`{secret}`", StringComparison.Ordinal), $"deploy/README.md does not say how to create the Secret {secret}");
            }
        }
    }

    [Fact]
    public void Every_ConfigMap_a_pod_refers_to_exists()
    {
        var configMaps = Base.Where(m => m.Kind == "ConfigMap").Select(m => m.Name).ToHashSet();
        configMaps.UnionWith(Manifests.GeneratedConfigMaps(Manifests.Base));
        foreach (var workload in Workloads)
        {
            var referenced = workload.AllContainers().SelectMany(c => c.List("envFrom")).Select(e => e.Str("configMapRef.name"))
                .Concat(workload.PodSpec().List("volumes").Select(v => v.Str("configMap.name")))
                .OfType<string>();
            foreach (var name in referenced)
            {
                Assert.True(configMaps.Contains(name), $"{workload} refers to ConfigMap {name}, which base does not define");
            }
        }
    }

    [Fact]
    public void PostgreSQL_and_RabbitMQ_are_StatefulSets_with_persistent_volumes()
    {
        foreach (var name in new[] { "postgres", "rabbitmq" })
        {
            var set = Base.SingleOrDefault(m => m.Kind == "StatefulSet" && m.Name == name);
            Assert.True(set is not null, $"no StatefulSet {name} in base");
            Assert.NotEmpty(set.Document.List("spec.volumeClaimTemplates"));
            Assert.Equal("true", set.PodSpec().Str("securityContext.runAsNonRoot"));
        }
        var init = Base.Single(m => m.Kind == "ConfigMap" && m.Name == "postgres-init").Document.Map("data").Values.Cast<string>().Single();
        Assert.Contains("for service in vpc ipam fip sriov gpu", init);
        Assert.Contains("CREATE DATABASE :\"db\" OWNER :\"role\"", init);
    }
}
