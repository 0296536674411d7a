using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

/// Given-events builders: states folded from events only, as a handler would load them.
internal static class Given
{
    public static SriovConfig Config(params object[] events) => SriovConfig.Create(events);

    public static SriovNode Node(params object[] events) => SriovNode.Create(Manual.Node, events);

    public static SriovConfig ConfigFor(Scenario s) => Config(
        new PolicyApplied(Manual.Valid(Manual.Policy(s))),
        new NetworkApplied(Manual.ValidNetwork(Manual.Network(s))));

    /// node-10 after the agent applied the scenario's policy: PF 0000:71:00.0 with 3 VFs.
    public static object[] ReadyNodeEvents(Scenario s, int numVfs = 3)
    {
        var policy = Manual.Valid(Manual.Policy(s, numVfs: numVfs));
        var inventory = new NodeInventory(Manual.Node, Manual.Labels, [Manual.PfReport(s.LinkType, 0)]);
        var desired = PolicyPlanner.Plan(inventory, [policy]).Values.ToList();
        return
        [
            new NodeLabelsReported(Manual.Node, Manual.Labels),
            new NodeStateReported(Manual.Node, [Manual.PfReport(s.LinkType, 0)], SyncStatus.Succeeded),
            new NodeConfigurationDesired(Manual.Node, desired, [Manual.Pf], [], "restart"),
            new NodeStateReported(Manual.Node, [Manual.PfReport(s.LinkType, numVfs)], SyncStatus.Succeeded),
        ];
    }

    public static SriovNode ReadyNode(Scenario s, int numVfs = 3) => Node(ReadyNodeEvents(s, numVfs));
}
