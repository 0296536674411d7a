using System.Diagnostics;
using Mesh.Hosting;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Mesh.Deployment.Tests;

/// <summary>
/// A command that enters service "alpha" over HTTP and reaches service "beta" through alpha's event log and
/// RabbitMQ is one trace: the request's trace parent is stored with the event, the log publisher's producer
/// span continues it, and MassTransit carries it in the message headers to beta's consumer.
/// </summary>
public sealed class TracingTests
{
    [Fact]
    public async Task Tracing_joins_the_spans_of_two_services_in_one_trace()
    {
        var run = await RunAsync(propagate: true);
        var trace = run.Request.TraceId;

        Assert.Contains(run.AlphaDatabase, s => s.TraceId == trace && run.Collector.Descends(s, run.Request));
        Assert.Contains(run.Publish, s => s.TraceId == trace && run.Collector.Descends(s, run.Request));
        Assert.True(run.Consumer.TraceId == trace,
            $"beta's consumer span is in trace {run.Consumer.TraceId}, the HTTP request into alpha in {trace}\n{run.Describe()}");
        Assert.True(run.Collector.Descends(run.Consumer, run.Request), $"beta's consumer span does not descend from alpha's request\n{run.Describe()}");
        // The only link between the two hosts is the message: the consumer's parent chain crosses it.
        Assert.Contains(run.Publish, p => run.Collector.Descends(run.Consumer, p));
        Assert.Contains(run.BetaDatabase, s => s.TraceId == trace && run.Collector.Descends(s, run.Consumer));
    }

    [Fact]
    public async Task Without_the_stored_trace_parent_the_consumer_starts_another_trace()
    {
        // The control for the test above: its assertions fail when the trace parent is not carried.
        var run = await RunAsync(propagate: false);

        Assert.NotEqual(run.Request.TraceId, run.Consumer.TraceId);
        Assert.False(run.Collector.Descends(run.Consumer, run.Request));
    }

    private sealed record Run(SpanCollector Collector, Activity Request, Activity Consumer,
        IReadOnlyList<Activity> AlphaDatabase, IReadOnlyList<Activity> Publish, IReadOnlyList<Activity> BetaDatabase)
    {
        public string Describe() => string.Join('\n', Collector.Spans.Where(s => s.Source.Name != "Npgsql" || s.TraceId == Request.TraceId)
            .Select(s => $"  {s.TraceId} {s.SpanId} <- {s.ParentSpanId} [{s.Source.Name}/{s.Kind}] {s.DisplayName}"));
    }

    private static async Task<Run> RunAsync(bool propagate)
    {
        var collector = new SpanCollector();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(Telemetry.Sources)
            .SetSampler(new AlwaysOnSampler())
            .AddProcessor(new SimpleActivityExportProcessor(collector))
            .Build();
        await using var alphaDb = await TestDatabase.CreateAsync("trace_alpha");
        await using var betaDb = await TestDatabase.CreateAsync("trace_beta");
        await using var vhost = await TestVirtualHost.CreateAsync("trace");
        // beta first: its queue is bound before alpha publishes.
        await using var beta = await TracingHosts.StartBetaAsync(betaDb, vhost);
        await using var alpha = await TracingHosts.StartAlphaAsync(alphaDb, vhost, propagate);
        try
        {
            var response = await alpha.GetTestClient().PostAsync("/notes/n1", null);
            Assert.Equal(202, (int)response.StatusCode);

            Activity? Consumer() => collector.Spans.FirstOrDefault(s =>
                s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer && s.TagObjects.Any(t => t.Value?.ToString()?.Contains("beta-") == true));
            await Eventually.TrueAsync(() => Consumer() is not null, "beta's consumer span");
            var consumer = Consumer()!;
            await Eventually.TrueAsync(() => Database(collector, betaDb).Any(s => s.TraceId == consumer.TraceId), "beta's append under its consumer span");

            var request = collector.Spans.Single(s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
            return new Run(collector, request, consumer,
                Database(collector, alphaDb),
                collector.Spans.Where(s => s.Source.Name == "Mesh.Messaging" && s.DisplayName.StartsWith("publish ", StringComparison.Ordinal)).ToList(),
                Database(collector, betaDb));
        }
        finally
        {
            await alpha.StopAsync();
            await beta.StopAsync();
        }
    }

    /// <summary>The driver's spans on one service's database (tagged with the database name).</summary>
    private static List<Activity> Database(SpanCollector collector, TestDatabase db) =>
        collector.Spans.Where(s => s.Source.Name == "Npgsql" && s.TagObjects.Any(t => t.Value as string == db.Name)).ToList();
}
