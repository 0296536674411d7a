using Mesh.Contracts;
using Mesh.EventSourcing;

namespace Mesh.Foundation.Tests;

public sealed record CounterIncremented(string Counter, int By);

public sealed record Noted(string Text);

/// <summary>The bus contract the test mapper publishes for every stored event.</summary>
public sealed record EventObserved(string Stream, long Version, long Position, string Type);

/// <summary>A node-scoped contract, routed by node.</summary>
public sealed record VfAssignedToPod(string Node, string Pod) : INodeScoped;

/// <summary>A command a non-.NET platform service sends as plain JSON.</summary>
public sealed record RecordNote(string Key, string Text);

public static class TestTypes
{
    public static void Register(EventTypeRegistry types) => types
        .Register<CounterIncremented>("test.counter-incremented.v1")
        .Register<Noted>("test.noted.v1");
}
