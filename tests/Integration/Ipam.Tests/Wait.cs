using System.Net;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;

namespace Mesh.Ipam.Tests;

public static class Wait
{
    /// <summary>Until the pool exists (the announcement was consumed by some replica).</summary>
    public static Task ForPoolAsync(WebApplication app, string subnet) =>
        Eventually.TrueAsync(async () =>
            (await IpamHost.Http(app, IpamHost.Admin()).GetAsync($"/api/v1/subnets/{subnet}/usage")).StatusCode == HttpStatusCode.OK,
            $"pool {subnet}");
}
