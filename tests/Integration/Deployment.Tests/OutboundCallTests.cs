namespace Mesh.Deployment.Tests;

/// <summary>The product calls nothing but its configured PostgreSQL, RabbitMQ and OTLP endpoints (deploy/README.md, "Outbound connections").</summary>
public sealed class OutboundCallTests
{
    [Fact]
    [Trait("issue", "23")]
    public void Every_bus_the_product_builds_turns_off_MassTransits_usage_telemetry()
    {
        var buses = new[] { "shared", "services", "tools" }
            .SelectMany(d => Directory.EnumerateFiles(Repo.PathOf(d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("AddMassTransit(", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(buses);
        Assert.All(buses, f => Assert.True(File.ReadAllText(f).Contains(".DisableUsageTelemetry()", StringComparison.Ordinal),
            $"{Path.GetRelativePath(Repo.Root, f)} builds a bus without DisableUsageTelemetry(): MassTransit would report usage to its vendor"));
    }
}
