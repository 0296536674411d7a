using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mesh.Deployment.Tests;

public sealed class DockerComposeTests
{
    private static readonly string ComposeFile = Repo.PathOf("docker-compose.yml");

    [Fact]
    public async Task Docker_compose_validates_the_file()
    {
        var binary = FindOnPath("docker-compose") ?? throw new InvalidOperationException(
            "docker-compose is not installed, so docker-compose.yml cannot be validated. Run ./mesh test (it installs the " +
            "Debian package docker-compose) or apt-get install -y docker-compose.");
        var psi = new ProcessStartInfo(binary)
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-f", ComposeFile, "config", "-q" })
        {
            psi.ArgumentList.Add(arg);
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"docker-compose config failed ({process.ExitCode}):\n{await stderr}\n{await stdout}");
    }

    [Fact]
    public void Every_service_is_built_from_its_Dockerfile_as_mesh_service_and_waits_for_healthy_servers()
    {
        var compose = Yaml.LoadAll(ComposeFile).Single();
        foreach (var server in new[] { "postgres", "rabbitmq" })
        {
            Assert.True(compose.At($"services.{server}.healthcheck.test") is not null, $"{server} has no healthcheck");
        }
        Assert.Equal("rabbitmq:3-management", compose.Str("services.rabbitmq.image"));
        Assert.StartsWith("jaegertracing/all-in-one", compose.Str("services.jaeger.image"));

        foreach (var s in Repo.Services)
        {
            var service = compose.At($"services.{s}");
            Assert.True(service is not null, $"docker-compose.yml has no service {s}");
            Assert.Matches($"^mesh/{s}:", service.Str("image") ?? "");
            Assert.Equal(".", service.Str("build.context"));
            Assert.Equal(Repo.DockerfileOf(s), service.Str("build.dockerfile"));
            Assert.True(File.Exists(Repo.PathOf(Repo.DockerfileOf(s))), $"{Repo.DockerfileOf(s)} is missing");
            foreach (var server in new[] { "postgres", "rabbitmq" })
            {
                Assert.Equal("service_healthy", service.Str($"depends_on.{server}.condition"));
            }
            var env = service.Strings("environment");
            Assert.Contains($"Database=mesh_{s}", env["Mesh__Postgres"]);
            Assert.Contains("Host=postgres;", env["Mesh__Postgres"]);
            Assert.Contains("@rabbitmq:5672/", env["Mesh__RabbitMq__Url"]);
            Assert.True(env.ContainsKey("Mesh__Auth__SigningKey"));
            Assert.Equal("http://jaeger:4317", env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal("http://0.0.0.0:8080", env["ASPNETCORE_URLS"]);
            Assert.Contains(service.List("ports").Cast<string>(), p => p.EndsWith(":8080", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_postgres_init_script_creates_every_service_database()
    {
        var compose = Yaml.LoadAll(ComposeFile).Single();
        var mount = compose.List("services.postgres.volumes").Cast<string>()
            .Single(v => v.Contains("/docker-entrypoint-initdb.d/", StringComparison.Ordinal));
        var script = File.ReadAllText(Repo.PathOf(mount.Split(':')[0]));
        foreach (var s in Repo.Services)
        {
            Assert.Matches(new Regex($@"CREATE DATABASE mesh_{s};"), script);
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
