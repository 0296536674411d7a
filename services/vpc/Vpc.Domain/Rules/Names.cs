using Mesh.Contracts;

namespace Mesh.Vpc.Domain.Rules;

internal static class Names
{
    // Each entry a DNS-1123 label; duplicates dropped, order kept.
    public static MeshError? CheckLabels(IReadOnlyList<string>? values, string field, out IReadOnlyList<string> normalized)
    {
        normalized = [];
        var list = new List<string>();
        foreach (var value in values ?? [])
        {
            var trimmed = value?.Trim();
            if (DnsName.Check(trimmed, field) is { } error)
            {
                return error;
            }
            if (!list.Contains(trimmed!))
            {
                list.Add(trimmed!);
            }
        }
        normalized = list;
        return null;
    }
}
