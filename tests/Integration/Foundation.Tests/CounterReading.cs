using System.Diagnostics.Metrics;

namespace Mesh.Foundation.Tests;

/// <summary>Sums what an instrument of ours (by name) records while it is alive.</summary>
public sealed class CounterReading : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public CounterReading(string instrument)
    {
        _listener.InstrumentPublished = (i, l) =>
        {
            if (i.Name == instrument)
            {
                l.EnableMeasurementEvents(i);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
