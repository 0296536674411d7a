using Mesh.EventSourcing;

namespace Mesh.Messaging;

/// <summary>
/// Translates a stored event into the bus contracts other services read (STYLE.md rule 4): a change
/// to a stored event never breaks another service. Events that concern nobody map to nothing.
/// </summary>
public interface IEventContractMapper
{
    /// <summary>The contract messages for <paramref name="recorded"/>, in order.</summary>
    IEnumerable<object> Map(RecordedEvent recorded);
}
