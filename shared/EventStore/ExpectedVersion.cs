namespace Mesh.EventSourcing;

/// <summary>Special expected versions.</summary>
public static class ExpectedVersion
{
    /// <summary>Append whatever the stream's version (no optimistic check).</summary>
    public const long Any = -1;

    /// <summary>The stream must not exist yet.</summary>
    public const long NoStream = 0;
}
