using Mesh.Contracts;

namespace Mesh.Hosting;

/// <summary>A refusal raised where returning it is awkward (parsing deep in a document); answered as its problem.</summary>
public sealed class MeshException(MeshError error) : Exception(error.Message)
{
    /// <summary>The refusal.</summary>
    public MeshError Error { get; } = error;
}
