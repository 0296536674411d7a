using System.Globalization;
using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Ipam.Domain;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Api;

/// <summary>IPAM-13: who holds an address now (exact, inline), who held it at T and its whole history (async).</summary>
public static class AddressesApi
{
    public static RouteGroupBuilder MapAddresses(this RouteGroupBuilder api)
    {
        api.MapGet("/addresses/{ip}", async (string ip, IpamQueries queries, HttpContext http, CancellationToken ct) =>
        {
            if (Canonical(ip) is not { } address)
            {
                return (IResult)MeshProblems.Problem(IpamErrors.InvalidIp("ip", ip, "not an IP address"));
            }
            var holders = (await queries.HoldersOfAsync(address, ct)).Where(h => HttpCaller.Sees(http, h.Project)).ToList();
            return TypedResults.Ok(new { ip = address, holders });
        });

        api.MapGet("/addresses/{ip}/history", async (string ip, string? at, IpamQueries queries, HttpContext http, CancellationToken ct) =>
        {
            if (Canonical(ip) is not { } address)
            {
                return (IResult)MeshProblems.Problem(IpamErrors.InvalidIp("ip", ip, "not an IP address"));
            }
            DateTimeOffset? when = null;
            if (!string.IsNullOrEmpty(at))
            {
                if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return MeshProblems.Problem(new MeshError(ErrorCodes.InvalidField, $"at '{at}' is not an ISO 8601 time",
                        ErrorKind.Invalid, "at", at, "give a time such as 2025-01-31T14:03:00Z"));
                }
                when = parsed;
            }
            var history = (await queries.HistoryAsync(address, ct)).Where(h => HttpCaller.Sees(http, h.Project)).ToList();
            var heldAt = when is { } t
                ? history.Where(h => h.AllocatedAt <= t && (h.ReleasedAt is null || h.ReleasedAt > t)).ToList()
                : history.Where(h => h.ReleasedAt is null).ToList();
            return TypedResults.Ok(new AddressHistory(address, when, heldAt, history));
        });
        return api;
    }

    /// <summary>The address as the pools write it ("fd00::a", not "fd00:0::0a").</summary>
    private static string? Canonical(string text) =>
        IpAddress.Canonical(Uri.UnescapeDataString(text));
}
