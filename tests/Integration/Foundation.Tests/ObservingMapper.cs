using Mesh.EventSourcing;
using Mesh.Messaging;

namespace Mesh.Foundation.Tests;

/// <summary>Publishes one <see cref="EventObserved"/> per stored event.</summary>
public sealed class ObservingMapper : IEventContractMapper
{
    public IEnumerable<object> Map(RecordedEvent recorded) =>
        [new EventObserved(recorded.StreamId, recorded.Version, recorded.Position, recorded.Type)];
}

/// <summary>Takes its time per event, so a test can stop the tailer in the middle of the log.</summary>
public sealed class SlowMapper : IEventContractMapper
{
    private static readonly Lock Gate = new();

    public IEnumerable<object> Map(RecordedEvent recorded)
    {
        lock (Gate)
        {
            Thread.Sleep(3);
        }
        return [new EventObserved(recorded.StreamId, recorded.Version, recorded.Position, recorded.Type)];
    }
}

/// <summary>Fails once at a chosen position, after earlier events of the batch were already published.</summary>
public sealed class CrashOnceMapper : IEventContractMapper
{
    public static long CrashAt;
    private static int _crashed;

    public IEnumerable<object> Map(RecordedEvent recorded)
    {
        if (recorded.Position == CrashAt && Interlocked.Exchange(ref _crashed, 1) == 0)
        {
            throw new InvalidOperationException("simulated crash in the middle of a batch");
        }
        return [new EventObserved(recorded.StreamId, recorded.Version, recorded.Position, recorded.Type)];
    }
}
