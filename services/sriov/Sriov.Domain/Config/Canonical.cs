using System.Text.Json;

namespace Mesh.Sriov.Domain;

/// Structural equality for specs holding lists and maps (records compare those by reference),
/// so that re-applying an unchanged document appends nothing (COMMON-2).
internal static class Canonical
{
    public static bool Same<T>(T a, T b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);
}
