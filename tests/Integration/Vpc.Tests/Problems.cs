using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mesh.Vpc.Tests;

internal static class Problems
{
    // Asserts a refusal: its status and its stable code (COMMON-3); returns the problem body.
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, params HttpStatusCode[] statuses)
    {
        var text = await response.Content.ReadAsStringAsync();
        var allowed = statuses.Length == 0 ? [HttpStatusCode.OK, HttpStatusCode.Created] : statuses;
        Assert.True(allowed.Contains(response.StatusCode), $"expected {string.Join("/", allowed)}, got {(int)response.StatusCode}: {text}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
