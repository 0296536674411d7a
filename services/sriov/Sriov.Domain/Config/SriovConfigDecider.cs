using Mesh.Contracts;

namespace Mesh.Sriov.Domain;

/// Decides the cluster-level commands on `sriov-config`. `nodes` is what the service knows of
/// every node (labels and reported PFs) for the checks that need node state.
public static class SriovConfigDecider
{
    public static Decision Decide(SriovConfig state, ApplyPolicy command, IReadOnlyCollection<NodeInventory> nodes, SriovSettings settings)
    {
        var (policy, error) = PolicyValidator.Validate(command.Policy, settings);
        if (policy is null)
        {
            return Decision.Reject(error!);
        }
        foreach (var node in nodes)
        {
            if (PolicyPlanner.CheckAgainstNode(policy, node) is { } nodeError)
            {
                return Decision.Reject(nodeError);
            }
        }
        if (state.Policy(policy.Name) is { } existing && Canonical.Same(existing, policy))
        {
            return Decision.Nothing;
        }
        var applied = new PolicyApplied(policy);
        if (nodes.Any(n => PolicyPlanner.MatchedPfs(policy, n).Count > 0))
        {
            return Decision.Accept(applied);
        }
        var reason = nodes.Any(n => PolicyPlanner.SelectsNode(policy, n.Labels))
            ? "no interface reported by the selected nodes matches spec.nicSelector"
            : "spec.nodeSelector matches no node that reported SR-IOV interfaces";
        return Decision.Accept(applied, new PolicyMatchedNoDevices(policy.Name, null, reason));
    }

    public static Decision Decide(SriovConfig state, DeletePolicy command)
    {
        if (state.Policy(command.Name) is not { } policy)
        {
            return Decision.Nothing;
        }
        var resource = policy.Spec.ResourceName!;
        var lastProvider = !state.Policies.Any(p => p.Name != policy.Name && p.Spec.ResourceName == resource);
        var users = state.Networks.Where(n => n.Spec.ResourceName == resource).Select(n => $"{n.Namespace}/{n.Name}").ToList();
        if (lastProvider && users.Count > 0)
        {
            return Decision.Reject(SriovErrors.PolicyInUse(policy.Name, resource, users));
        }
        return Decision.Accept(new PolicyDeleted(policy.Name, policy.Namespace));
    }

    public static Decision Decide(SriovConfig state, ApplyNetwork command, SriovSettings settings)
    {
        var (network, error) = NetworkValidator.Validate(command.Network, state.Policies);
        if (network is null)
        {
            return Decision.Reject(error!);
        }
        if (state.Network(network.Namespace, network.Name) is { } existing)
        {
            if (existing.Kind != network.Kind)
            {
                return Decision.Reject(SriovErrors.AlreadyExists(existing.Kind.ToString(), network.Namespace, network.Name));
            }
            if (Canonical.Same(existing, network))
            {
                return Decision.Nothing;
            }
        }
        // Two networks must not render the same NetworkAttachmentDefinition.
        if (state.Attachment(network.TargetNamespace, network.Name) is { } clash && clash.Namespace != network.Namespace)
        {
            return Decision.Reject(SriovErrors.AlreadyExists(clash.Kind.ToString(), network.TargetNamespace, network.Name));
        }
        if (NetworkPools.Conflict(state, network) is { } conflict)
        {
            return Decision.Reject(conflict);
        }
        var events = new List<object> { new NetworkApplied(network), NadRenderer.Render(network, settings) };
        events.AddRange(NetworkPools.Changes(state, state.Network(network.Namespace, network.Name), network));
        if (state.Network(network.Namespace, network.Name) is { } old && old.TargetNamespace != network.TargetNamespace)
        {
            events.Add(new NetworkAttachmentDefinitionDeleted(old.Name, old.TargetNamespace));
        }
        return Decision.Accept(events);
    }

    public static Decision Decide(SriovConfig state, DeleteNetwork command)
    {
        if (state.Network(command.Namespace, command.Name) is not { } network || network.Kind != command.Kind)
        {
            return Decision.Nothing;
        }
        var events = new List<object>
        {
            new NetworkDeleted(network.Kind, network.Name, network.Namespace),
            new NetworkAttachmentDefinitionDeleted(network.Name, network.TargetNamespace),
        };
        events.AddRange(NetworkPools.Changes(state, network, null));
        return Decision.Accept(events);
    }
}
