using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace Mesh.Deployment.Tests;

/// <summary>An in-process trace exporter: keeps every finished span for the test to inspect.</summary>
public sealed class SpanCollector : BaseExporter<Activity>
{
    public ConcurrentQueue<Activity> Spans { get; } = new();

    public override ExportResult Export(in Batch<Activity> batch)
    {
        foreach (var activity in batch)
        {
            Spans.Enqueue(activity);
        }
        return ExportResult.Success;
    }

    /// <summary>Whether following parents from <paramref name="span"/> reaches <paramref name="ancestor"/>.</summary>
    public bool Descends(Activity span, Activity ancestor)
    {
        var bySpanId = Spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        for (var current = span; current is not null;)
        {
            if (current.SpanId == ancestor.SpanId && current.TraceId == ancestor.TraceId)
            {
                return true;
            }
            current = current.ParentSpanId == default ? null : bySpanId.GetValueOrDefault(current.ParentSpanId);
        }
        return false;
    }
}
