using Microsoft.AspNetCore.Http;

namespace Mesh.Hosting.Resources;

/// <summary>
/// The upstream fields a request's document carried that this platform accepts but does not act on (COMMON-8). They are
/// told back the way the Kubernetes API server tells deprecations: a <c>Warning: 299</c> header, which kubectl and meshctl show.
/// A request whose document carried none pays nothing but the note of which request it is.
/// </summary>
public static class IgnoredFields
{
    private static readonly AsyncLocal<HttpContext?> Current = new();
    private static readonly object Key = new();

    /// <summary>Notes fields left out of the request being handled (nothing outside a request).</summary>
    public static void Report(IEnumerable<string> fields)
    {
        var names = fields.ToList();
        if (names.Count == 0 || Current.Value is not { } http)
        {
            return;
        }
        lock (http.Items)
        {
            if (http.Items[Key] is not List<string> list)
            {
                list = [];
                http.Items[Key] = list;
                http.Response.OnStarting(() =>
                {
                    lock (http.Items)
                    {
                        http.Response.Headers.Append("Warning",
                            $"299 - \"{string.Join(", ", list.Distinct())}: accepted from the upstream CRD, not acted on by this platform\"");
                    }
                    return Task.CompletedTask;
                });
            }
            list.AddRange(names);
        }
    }

    /// <summary>Marks the request whose ignored fields <see cref="Report"/> notes, for the <c>Warning</c> header.</summary>
    public static Task CollectAsync(HttpContext http, Func<Task> next)
    {
        Current.Value = http;
        return next();
    }
}
