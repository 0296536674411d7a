namespace Mesh.Input.Tests.Fuzz;

/// <summary>A valid request the fuzz test starts from: a document (YAML or JSON) for one endpoint, sent by <see cref="Who"/>.</summary>
public sealed record FuzzSeed(string Service, HttpMethod Method, string Path, string Body, Who Who);

/// <summary>A valid bus command the fuzz test starts from: <c>Send</c> sends a (mutated) JSON form of it and reads the answer.</summary>
public sealed record BusSeed(string Service, string Json, Func<MeshUnderTest, string, Guid, Task<BusAnswer>> Send);

/// <summary>A bus answer: accepted, refused (Rejected's status) or no usable JSON to send (the mutation broke the record's shape).</summary>
public sealed record BusAnswer(int Status, string? Code);
