using System.Text.Json.Nodes;
using Mesh.Contracts;
using Mesh.EventSourcing.Actors;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Api;

namespace Mesh.Vpc.Service.Handlers;

// The single `topology` stream: the domain's decider behind an expected-version check, and the
// resource document of what the command touched as the caller's result (rendered on the actor,
// where the mutable Topology may be read).
public sealed class TopologyBehavior(TopologySettings settings, ResourceViews views) : IStreamBehavior<Topology, TopologyRequest, JsonObject?>
{
    public string StreamId(string key) => TopologyEventTypes.Stream;

    public Topology Initial(string key) => new();

    public Topology Apply(Topology state, object @event)
    {
        state.Apply(@event);
        return state;
    }

    public Decision Decide(Topology state, TopologyRequest request)
    {
        if (request.ExpectedVersion is { } expected && expected != state.Version)
        {
            return new MeshError(ErrorCodes.VersionConflict,
                $"metadata.resourceVersion {expected} is stale: the topology is at version {state.Version}",
                ErrorKind.Conflict, "metadata.resourceVersion", expected.ToString(),
                "GET the resource again and re-apply the change on its current resourceVersion");
        }
        if (request.Command is BootstrapTopology)
        {
            return state.Version == 0 ? Decision.Accept(Topology.Bootstrap(settings)) : Decision.Nothing;
        }
        return TopologyDecider.Decide(state, request.Command, settings);
    }

    public JsonObject? Result(Topology state, TopologyRequest request, Decision decision) =>
        decision.IsRejected ? null : views.For(state, request.Command);
}
