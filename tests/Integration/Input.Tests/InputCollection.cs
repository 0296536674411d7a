namespace Mesh.Input.Tests;

/// <summary>The catalogue and the fuzz test share one set of service processes (starting them is the slow part), one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class InputCollection : ICollectionFixture<CatalogueWorld>
{
    public const string Name = "input";
}
