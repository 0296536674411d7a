using System.Text.Json;
using MassTransit;
using Mesh.Contracts;
using Mesh.EventSourcing;
using Mesh.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mesh.Hosting.Admin;

/// <summary>
/// The SRE surface every service serves under <c>/admin/v1</c> (admin role only): the whole history
/// (SRE-1), replay of a range to one queue, projection rebuild and verify (SRE-2), publisher status.
/// </summary>
public static class EventAdminApi
{
    /// <summary>Maps the admin endpoints.</summary>
    public static IEndpointRouteBuilder MapEventAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/v1").RequireAuthorization(p => p.RequireClaim("role", MeshPrincipal.AdminRole));
        admin.MapGet("/events", async (NpgsqlDataSource ds, EventTypeRegistry types, long? after, long? to, DateTimeOffset? since,
            DateTimeOffset? until, string? stream, string? streamPrefix, string? type, string? contains, int? limit, CancellationToken ct) =>
        {
            var events = await new EventQuery(after ?? 0, to, since, until, stream, streamPrefix, type, contains, limit ?? 1000).RunAsync(ds, types, ct);
            return TypedResults.Ok(events.Select(EventQuery.ToWire));
        });
        admin.MapGet("/streams/{stream}", async (string stream, DateTimeOffset? asOf, EventStore store, CancellationToken ct) =>
            TypedResults.Ok((await store.FetchStreamAsync(stream, 0, asOf, ct)).Select(EventQuery.ToWire)));
        admin.MapGet("/status", async (NpgsqlDataSource ds, IServiceProvider sp, CancellationToken ct) =>
        {
            await using var cmd = ds.CreateCommand("SELECT coalesce(max(position), 0) FROM mesh_events");
            var head = (long)(await cmd.ExecuteScalarAsync(ct))!;
            return TypedResults.Ok(new
            {
                Head = head,
                Checkpoints = await Checkpoints.AllAsync(ds, ct),
                Projections = sp.GetServices<IProjection>().Select(p => new { p.Name, Kind = p is IAsyncProjection ? "async" : "inline", Verifiable = p is IVerifiableProjection }),
            });
        });
        admin.MapPost("/projections/{name}/rebuild", RebuildAsync);
        admin.MapPost("/projections/{name}/verify", async (string name, IServiceProvider sp, ProjectionVerifier verifier, CancellationToken ct) =>
            Find(sp, name) is IVerifiableProjection p ? Results.Ok(await VerifyOne(verifier, p, ct)) : NotFound(name));
        admin.MapPost("/verify", async (IServiceProvider sp, ProjectionVerifier verifier, CancellationToken ct) =>
        {
            var results = new List<object>();
            foreach (var p in sp.GetServices<IProjection>().OfType<IVerifiableProjection>())
            {
                results.Add(await VerifyOne(verifier, p, ct));
            }
            return TypedResults.Ok(results);
        });
        admin.MapPost("/replay", ReplayAsync);
        return app;
    }

    /// <summary>What <c>POST /admin/v1/replay</c> takes: a range by position or time, and the one queue to send it to.</summary>
    public sealed record ReplayRequest(long? From, long? To, DateTimeOffset? Since, DateTimeOffset? Until, string Queue);

    private static async Task<IResult> ReplayAsync(ReplayRequest request, NpgsqlDataSource ds, EventTypeRegistry types, IServiceProvider sp,
        ISendEndpointProvider send, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Queue))
        {
            return MeshProblems.Problem(new MeshError(ErrorCodes.MissingField, "queue is required: replay goes to one consumer's queue, not to everyone",
                ErrorKind.Invalid, "queue", null, "name the queue, e.g. --to-queue fip-address-released"));
        }
        var mapper = sp.GetService<IEventContractMapper>();
        if (mapper is null)
        {
            return MeshProblems.Problem(new MeshError(ErrorCodes.NotFound, "this service publishes no events", ErrorKind.NotFound));
        }
        var endpoint = await send.GetSendEndpoint(new Uri("queue:" + request.Queue));
        long after = Math.Max(0, (request.From ?? 1) - 1), events = 0, messages = 0;
        while (true)
        {
            var batch = await new EventQuery(after, request.To, request.Since, request.Until, Limit: 1000).RunAsync(ds, types, ct);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var e in batch.Select(types.Resolve))
            {
                var index = 0;
                foreach (var message in mapper.Map(e))
                {
                    var id = DeterministicId.ForEvent(e.EventId, index++);
                    await endpoint.Send(message, message.GetType(), c =>
                    {
                        c.MessageId = id;
                        c.CorrelationId = e.Metadata.CorrelationId;
                        c.Headers.Set(MeshHeaders.Position, e.Position);
                        c.Headers.Set(MeshHeaders.Stream, e.StreamId);
                        c.Headers.Set("mesh-replayed", true);
                    }, ct);
                    messages++;
                }
                events++;
            }
            after = batch[^1].Position;
        }
        return TypedResults.Ok(new { Events = events, Messages = messages, request.Queue });
    }

    private static async Task RebuildAsync(string name, HttpContext http, IServiceProvider sp, ProjectionRebuilder rebuilder, CancellationToken ct)
    {
        if (Find(sp, name) is not { } projection)
        {
            await NotFound(name).ExecuteAsync(http);
            return;
        }
        // Progress as JSON lines, so `meshctl rebuild` can draw a bar while it runs.
        http.Response.ContentType = "application/x-ndjson";
        var progress = new InlineProgress(p =>
        {
            http.Response.WriteAsync(JsonSerializer.Serialize(new { p.Done, p.Total }, JsonSerializerOptions.Web) + "\n", ct).GetAwaiter().GetResult();
            http.Response.Body.FlushAsync(ct).GetAwaiter().GetResult();
        });
        var applied = await rebuilder.RebuildAsync(projection, progress, ct);
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { Done = applied, Rebuilt = projection.Name }, JsonSerializerOptions.Web) + "\n", ct);
    }

    private static async Task<object> VerifyOne(ProjectionVerifier verifier, IVerifiableProjection p, CancellationToken ct)
    {
        var (equal, stored, rebuilt, events) = await verifier.VerifyAsync(p, ct);
        return new { Projection = p.Name, Equal = equal, Events = events, Stored = stored, Rebuilt = rebuilt };
    }

    // Reports on the rebuilding thread, in order (Progress<T> would post to the thread pool and interleave writes).
    private sealed class InlineProgress(Action<(long Done, long Total)> report) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value) => report(value);
    }

    private static IProjection? Find(IServiceProvider sp, string name) => sp.GetServices<IProjection>().FirstOrDefault(p => p.Name == name);

    private static IResult NotFound(string name) =>
        MeshProblems.Problem(new MeshError(ErrorCodes.NotFound, $"no projection named '{name}' in this service", ErrorKind.NotFound, "name", name,
            "GET /admin/v1/status lists the projections"));
}
