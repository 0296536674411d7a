using Mesh.Fip.Service.Api;
using Mesh.Hosting.Resources;
using Mesh.Testing;

namespace Mesh.Fip.Tests;

public sealed class ExampleTests
{
    [Theory]
    [InlineData("fip-pool.yaml")]
    [InlineData("ovn-eip.yaml")]
    [InlineData("ovn-fip.yaml")]
    [InlineData("ovn-snat-rule.yaml")]
    [InlineData("ovn-dnat-rule.yaml")]
    public void Every_example_document_binds_to_its_kind(string file)
    {
        var text = File.ReadAllText(Path.Combine(TestServers.RepositoryRoot, "examples", "fip", file));
        foreach (var doc in ResourceReader.Parse(text))
        {
            var name = doc.Metadata.Name!;
            _ = doc.Kind switch
            {
                "Fip" => (object)SpecBinder.Bind<FipPoolSpec>(doc, "neutron.io/v1", "Fip", name),
                "OvnEip" => SpecBinder.Bind<OvnEipSpec>(doc, "kubeovn.io/v1", "OvnEip", name),
                _ => SpecBinder.Bind<OvnRuleSpec>(doc, "kubeovn.io/v1", doc.Kind!, name),
            };
        }
    }
}
