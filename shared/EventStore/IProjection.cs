namespace Mesh.EventSourcing;

/// <summary>
/// A read model kept in the service's database. Any read model can be dropped and rebuilt from the
/// log (<see cref="ProjectionRebuilder"/>), so <see cref="ResetAsync"/> must empty it completely.
/// </summary>
public interface IProjection
{
    /// <summary>A stable name; also the checkpoint name of an async projection.</summary>
    string Name { get; }

    /// <summary>Applies events, in order, in the context's transaction.</summary>
    Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct);

    /// <summary>Empties the read model.</summary>
    Task ResetAsync(ProjectionContext context, CancellationToken ct);
}

/// <summary>A projection updated in the same transaction as the append (read your own writes).</summary>
public interface IInlineProjection : IProjection;

/// <summary>A projection updated after the fact from the log, with a checkpoint.</summary>
public interface IAsyncProjection : IProjection;

/// <summary>A projection whose tables can be compared before and after a rebuild (<c>meshctl verify</c>).</summary>
public interface IVerifiableProjection : IProjection
{
    /// <summary>
    /// The tables the projection writes, each with the columns to compare (<c>*</c> for all; leave out
    /// what a rebuild legitimately renumbers, such as a serial id).
    /// </summary>
    IReadOnlyList<(string Table, string Columns)> Tables { get; }
}
