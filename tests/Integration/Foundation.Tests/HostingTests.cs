using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;

namespace Mesh.Foundation.Tests;

public sealed class HostingTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TestVirtualHost _vhost = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private readonly AuthOptions _auth = new();

    public sealed record Thing(string Name);

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync("hosting");
        _vhost = await TestVirtualHost.CreateAsync("hosting");
        _app = Build(_auth.SigningKey);
        await _app.StartAsync();
        _http = _app.GetTestClient();
    }

    private WebApplication Build(string signingKey)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Mesh:Postgres"] = _db.ConnectionString;
        builder.Configuration["Mesh:RabbitMq:Url"] = _vhost.Url;
        builder.Configuration["Mesh:Auth:SigningKey"] = signingKey;
        var mesh = builder.AddServiceDefaults("hosting");
        builder.Services.AddServiceInfrastructure("hosting", mesh, _ => { });
        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapPost("/projects/{project}/things", (string project, Thing thing, HttpContext http) =>
        {
            var caller = MeshPrincipal.From(http.User);
            if (!caller.CanActOn(project))
            {
                return (IResult)MeshProblems.Problem(new MeshError(ErrorCodes.Forbidden,
                    $"project '{caller.Project}' may not act on project '{project}'", ErrorKind.Forbidden, "project", project));
            }
            if (DnsName.Check(thing.Name, "name") is { } bad)
            {
                return MeshProblems.Problem(bad);
            }
            return TypedResults.Ok(thing);
        }).RequireAuthorization();
        // A key's writer that failed mid-command, as a handler sees it.
        app.MapGet("/writers/{key}", IResult (string key) =>
            throw new Mesh.EventSourcing.Actors.WriterUnavailableException(key, new InvalidOperationException("injected"))).RequireAuthorization();
        return app;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _vhost.DisposeAsync();
        await _db.DisposeAsync();
    }

    private HttpRequestMessage Post(string project, string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/projects/{project}/things")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Live_and_ready_health_endpoints_answer_without_a_token()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/live")).StatusCode);
        await Eventually.TrueAsync(async () => (await _http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "ready");
    }

    [Fact]
    public async Task A_request_without_a_token_is_401()
    {
        var response = await _http.SendAsync(Post("p1", """{"name":"a"}""", null));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var forged = DevTokens.Mint(new AuthOptions { SigningKey = new string('x', 48) }, "mallory", "p1", "member");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(Post("p1", """{"name":"a"}""", forged))).StatusCode);
    }

    [Fact]
    public async Task Another_projects_resource_is_403_with_the_Forbidden_code_but_an_admin_may_act()
    {
        var member = DevTokens.Mint(_auth, "bob", "p2", "member");
        var response = await _http.SendAsync(Post("p1", """{"name":"a"}""", member));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("Forbidden", problem.GetProperty("code").GetString());
        Assert.Equal("project", problem.GetProperty("field").GetString());

        var admin = DevTokens.Mint(_auth, "root", "platform", MeshPrincipal.AdminRole);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(Post("p1", """{"name":"a"}""", admin))).StatusCode);
    }

    [Fact]
    public async Task A_rule_violation_is_a_problem_with_code_field_value_and_remedy()
    {
        var token = DevTokens.Mint(_auth, "bob", "p1", "member");
        var response = await _http.SendAsync(Post("p1", """{"name":"Not_A_Label"}""", token));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("InvalidName", problem.GetProperty("code").GetString());
        Assert.Equal("Not_A_Label", problem.GetProperty("value").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("remedy").GetString()));
    }

    [Fact]
    [Trait("issue", "23")]
    public async Task A_replaced_key_writer_is_a_retryable_503_WriterUnavailable_naming_the_key()
    {
        var token = DevTokens.Mint(_auth, "bob", "p1", "member");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/writers/subnet-a");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        var problem = await ProblemAsync(response);
        Assert.Equal("WriterUnavailable", problem.GetProperty("code").GetString());
        Assert.Equal("subnet-a", problem.GetProperty("value").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("remedy").GetString()));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400_MalformedDocument_never_500()
    {
        var token = DevTokens.Mint(_auth, "bob", "p1", "member");
        var response = await _http.SendAsync(Post("p1", "{\"name\": ", token));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MalformedDocument", (await ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_signing_key_too_short_stops_the_service_at_start()
    {
        await using var app = Build("short");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("SigningKey", error.Message);
    }
}
