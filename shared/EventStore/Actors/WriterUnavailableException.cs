namespace Mesh.EventSourcing.Actors;

/// <summary>
/// A key's writer failed and was replaced; the command was not decided and nothing was appended for it.
/// Retryable: the key's next command starts a fresh writer (HTTP 503 with <c>Retry-After</c>; bus consumers retry).
/// </summary>
public sealed class WriterUnavailableException(string key, Exception cause)
    : Exception($"the writer for '{key}' failed and was restarted; nothing was changed, retry the request", cause)
{
    /// <summary>The code of the answer a caller gets.</summary>
    public const string Code = "WriterUnavailable";

    /// <summary>The key whose writer failed.</summary>
    public string Key { get; } = key;
}
