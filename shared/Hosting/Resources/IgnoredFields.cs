using Microsoft.AspNetCore.Http;

namespace Mesh.Hosting.Resources;

/// <summary>
/// The upstream fields a request's document carried that this platform accepts but does not act on (COMMON-8). They are
/// told back the way the Kubernetes API server tells deprecations: a <c>Warning: 299</c> header, which kubectl and meshctl show.
/// </summary>
public static class IgnoredFields
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    /// <summary>Notes fields left out of the request being handled (nothing outside a request).</summary>
    public static void Report(IEnumerable<string> fields)
    {
        if (Current.Value is { } list)
        {
            lock (list)
            {
                list.AddRange(fields);
            }
        }
    }

    /// <summary>Collects the request's ignored fields and answers them in a <c>Warning</c> header.</summary>
    public static async Task CollectAsync(HttpContext http, Func<Task> next)
    {
        var list = new List<string>();
        Current.Value = list;
        http.Response.OnStarting(() =>
        {
            lock (list)
            {
                if (list.Count > 0)
                {
                    http.Response.Headers.Append("Warning",
                        $"299 - \"{string.Join(", ", list.Distinct())}: accepted from the upstream CRD, not acted on by this platform\"");
                }
            }
            return Task.CompletedTask;
        });
        await next();
    }
}
