namespace Mesh.Gpu.Domain;

/// <summary>GPU-9: bin-pack (default) prefers the most-used node and card that fit; spread the least-used.</summary>
public enum PackStrategy
{
    BinPack,
    Spread,
}
