using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mesh.Deployment.Tests;

public sealed class RabbitMqDefinitionsTests
{
    private static readonly JsonElement Definitions =
        JsonDocument.Parse(File.ReadAllText(Repo.PathOf("deploy/k8s/base/rabbitmq/definitions.json"))).RootElement;

    [Fact]
    public void The_mesh_vhost_makes_quorum_the_default_queue_type()
    {
        var vhost = Definitions.GetProperty("vhosts").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "mesh");
        Assert.Equal("quorum", vhost.GetProperty("default_queue_type").GetString());
        Assert.Equal("quorum", vhost.GetProperty("metadata").GetProperty("default_queue_type").GetString());
    }

    [Fact]
    public void Each_service_has_its_own_user_whose_password_is_a_placeholder_filled_from_a_Secret()
    {
        var users = Definitions.GetProperty("users").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!);
        var init = Manifests.Resources(Manifests.Base).Single(m => m.Kind == "StatefulSet" && m.Name == "rabbitmq")
            .PodSpec().List("initContainers").Single();
        var fromSecrets = init.List("env").Where(e => e.Str("valueFrom.secretKeyRef.name") is not null).Select(e => e.Str("name")!).ToHashSet();
        foreach (var user in users.Values)
        {
            Assert.False(user.TryGetProperty("password_hash", out _), "a password hash is committed");
            var placeholder = Regex.Match(user.GetProperty("password").GetString()!, "^@([A-Z]+_PASSWORD)@$");
            Assert.True(placeholder.Success, $"user {user.GetProperty("name")} has a literal password");
            Assert.Contains(placeholder.Groups[1].Value, fromSecrets);
        }
        foreach (var s in Repo.Services)
        {
            Assert.True(users.ContainsKey(s), $"no RabbitMQ user {s}");
            Assert.Empty(users[s].GetProperty("tags").EnumerateArray());
        }
    }

    public static TheoryData<string> Services => new(Repo.Services);

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_may_use_its_own_queues_and_the_contract_exchanges_but_not_another_services_queues(string service)
    {
        var permission = Definitions.GetProperty("permissions").EnumerateArray()
            .Single(p => p.GetProperty("user").GetString() == service && p.GetProperty("vhost").GetString() == "mesh");
        var configure = new Regex(permission.GetProperty("configure").GetString()!);
        var write = new Regex(permission.GetProperty("write").GetString()!);
        var read = new Regex(permission.GetProperty("read").GetString()!);
        var other = Repo.Services.First(s => s != service);

        string[] own = [$"{service}-subnet-announced", $"{service}-subnet-announced_error", $"{service}-7d9f8c6b5-x2k4q_Mesh_{Repo.Capitalized(service)}_Service_bus_ab1yyyntbdyyw8hqbdq5kcpspy"];
        foreach (var name in own)
        {
            Assert.Matches(configure, name);
            Assert.Matches(write, name);
            Assert.Matches(read, name);
        }
        foreach (var exchange in new[] { "Mesh.Contracts.Vpc:SubnetAnnounced", "Mesh.Contracts:Rejected" })
        {
            Assert.Matches(configure, exchange);
            Assert.Matches(write, exchange);
            Assert.Matches(read, exchange);
        }
        Assert.Matches(write, $"{other}-6c8d7f9b4-q8w2e_Mesh_{Repo.Capitalized(other)}_Service_bus_ab1yyyntbdyyw8hqbdq5kcpspy"); // answering a request
        foreach (var name in new[] { $"{other}-subnet-announced", $"{other}-subnet-announced_error", "amq.rabbitmq.trace" })
        {
            Assert.DoesNotMatch(configure, name);
            Assert.DoesNotMatch(read, name);
        }
        Assert.DoesNotMatch(write, $"{other}-subnet-announced");
    }

    [Fact]
    public void Quorum_queues_get_a_delivery_limit()
    {
        var policy = Definitions.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("vhost").GetString() == "mesh");
        Assert.True(policy.GetProperty("definition").GetProperty("delivery-limit").GetInt32() > 0);
    }
}
