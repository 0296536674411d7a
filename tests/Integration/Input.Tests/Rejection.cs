using System.Text.Json;
using MassTransit;
using Mesh.Contracts;

namespace Mesh.Input.Tests;

/// <summary>
/// One row of the catalogue: the rule (DOMAIN.md id) a bad request breaks, the code and field its refusal must
/// carry, and how to send it to the real service.
/// </summary>
public sealed record Rejection(string Rule, string Code, string? Field, string Case, Func<MeshUnderTest, Task<Refusal>> Send)
{
    public string Key => $"{Rule} {Code}: {Case}";

    public static Rejection Http(string rule, string code, string? field, string @case, string service, HttpMethod method, string path,
        string? body = null, Who? who = null) =>
        new(rule, code, field, @case, async mesh => await Refusal.ReadAsync(service, await mesh.SendAsync(service, method, path, body, who ?? Who.Admin)));

    public static Rejection Put(string rule, string code, string? field, string @case, string service, string path, string body, Who? who = null) =>
        Http(rule, code, field, @case, service, HttpMethod.Put, path, body, who);

    public static Rejection Post(string rule, string code, string? field, string @case, string service, string path, object body, Who? who = null) =>
        Http(rule, code, field, @case, service, HttpMethod.Post, path, body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web), who);

    public static Rejection Delete(string rule, string code, string? field, string @case, string service, string path, Who? who = null) =>
        Http(rule, code, field, @case, service, HttpMethod.Delete, path, null, who);

    /// <summary>A command on the bus, answered with <typeparamref name="TOk"/> or <see cref="Rejected"/>.</summary>
    public static Rejection Bus<TCommand, TOk>(string rule, string code, string? field, string @case, string service, TCommand command)
        where TCommand : class where TOk : class =>
        new(rule, code, field, @case, async mesh =>
        {
            var response = await mesh.Bus.Client<TCommand>().GetResponse<TOk, Rejected>(command);
            return response.Is(out Response<Rejected>? no)
                ? new Refusal(service, no!.Message.Status, no.Message.Code, no.Message.Field, no.Message.Message)
                : new Refusal(service, 200, null, null, JsonSerializer.Serialize(response.Message));
        });
}

/// <summary>What came back: the status and the problem's (or Rejected's) code and field.</summary>
public sealed record Refusal(string Service, int Status, string? Code, string? Field, string Text)
{
    public static async Task<Refusal> ReadAsync(string service, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        string? code = null, field = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = JsonDocument.Parse(text).RootElement;
            code = problem.TryGetProperty("code", out var c) ? c.GetString() : null;
            field = problem.TryGetProperty("field", out var f) ? f.GetString() : null;
        }
        return new Refusal(service, (int)response.StatusCode, code, field, text);
    }
}
