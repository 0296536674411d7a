using System.Diagnostics;
using MassTransit;
using Mesh.EventSourcing;
using Mesh.Messaging;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mesh.Deployment.Tests;

public sealed record NoteRecorded(string Text);

public sealed record NoteSeen(string Text);

/// <summary>The bus contract service "alpha" publishes for each note.</summary>
public sealed record NotePublished(string Stream, long Position, string Text);

public sealed class NoteMapper : IEventContractMapper
{
    public IEnumerable<object> Map(RecordedEvent recorded) =>
        recorded.Data is NoteRecorded note ? [new NotePublished(recorded.StreamId, recorded.Position, note.Text)] : [];
}

/// <summary>Service "beta": records what it consumed in its own event store.</summary>
public sealed class NotePublishedConsumer(EventStore store) : IConsumer<NotePublished>
{
    public async Task Consume(ConsumeContext<NotePublished> context)
    {
        var metadata = new EventMetadata("beta", context.CorrelationId ?? Guid.NewGuid(), context.MessageId, nameof(NotePublished),
            TraceParent: Activity.Current?.Id);
        await store.StartStreamAsync("seen-" + Guid.NewGuid().ToString("N"), [new NoteSeen(context.Message.Text)], metadata, context.CancellationToken);
    }
}

/// <summary>
/// Two service-shaped hosts on one virtual host, each with its own database: "alpha" takes
/// <c>POST /notes/{key}</c> over HTTP, appends an event (with the request's trace parent in its metadata
/// when <c>propagate</c>) and its log publisher publishes it; "beta" consumes it.
/// </summary>
public static class TracingHosts
{
    private static void Register(EventTypeRegistry types) => types
        .Register<NoteRecorded>("deploytest.note-recorded.v1")
        .Register<NoteSeen>("deploytest.note-seen.v1");

    public static async Task<WebApplication> StartAlphaAsync(TestDatabase db, TestVirtualHost vhost, bool propagate)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddMeshEventStore(db.ConnectionString, Register, new EventStoreOptions { IdlePoll = TimeSpan.FromMilliseconds(100) });
        builder.Services.AddMeshMessaging("alpha", new MessagingOptions { Url = vhost.Url });
        builder.Services.AddLogPublisher<NoteMapper>();
        var app = builder.Build();
        app.MapPost("/notes/{key}", async (string key, EventStore store, CancellationToken ct) =>
        {
            var metadata = new EventMetadata("alice", Guid.NewGuid(), CommandType: "RecordNote",
                TraceParent: propagate ? Activity.Current?.Id : null);
            await store.StartStreamAsync("note-" + key, [new NoteRecorded("hello " + key)], metadata, ct);
            return Results.Accepted();
        });
        await app.StartAsync();
        return app;
    }

    public static async Task<WebApplication> StartBetaAsync(TestDatabase db, TestVirtualHost vhost)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddMeshEventStore(db.ConnectionString, Register, new EventStoreOptions { IdlePoll = TimeSpan.FromMilliseconds(100) });
        builder.Services.AddMeshMessaging("beta", new MessagingOptions { Url = vhost.Url }, x => x.AddConsumer<NotePublishedConsumer>());
        var app = builder.Build();
        await app.StartAsync();
        return app;
    }
}
