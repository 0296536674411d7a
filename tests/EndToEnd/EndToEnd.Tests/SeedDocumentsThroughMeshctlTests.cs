using Mesh.Testing;

namespace Mesh.EndToEnd.Tests;

/// <summary>
/// COMMON-8 (issue 25): every document of the seeds that the mesh owns goes through meshctl as the seed
/// writes it (examples/ repairs only what the PDF extraction broke: doubled columns, lost indentation);
/// the seeds' own mistakes are refused with the fix; every other kind gets a one-line refusal.
/// </summary>
[Trait("rule", "COMMON-8")]
public sealed class SeedDocumentsThroughMeshctlTests : IAsyncLifetime
{
    private ServiceProcesses _mesh = null!;
    private readonly string _meshctl = ToolProcess.Dll("meshctl", "meshctl");
    private static readonly string Examples = Path.Combine(TestServers.RepositoryRoot, "examples");

    public async Task InitializeAsync() =>
        // Seed 004 runs Kube-OVN beside another primary CNI, whose service CIDR is not 10.96.0.0/12 (examples/vpc/README.md).
        _mesh = await ServiceProcesses.StartAsync(new Dictionary<string, string> { ["Mesh__Vpc__ServiceCidr"] = "172.30.0.0/16" },
            "vpc", "ipam", "sriov");

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    private Task<ToolProcess.Result> Meshctl(string? stdin, params string[] args) => ToolProcess.RunAsync(_meshctl, _mesh.ClientEnvironment, stdin, args);

    private async Task<string> ApplyAsync(string folder, string file)
    {
        var applied = await Meshctl(null, "apply", "-f", Path.Combine(Examples, folder, file));
        Assert.True(applied.ExitCode == 0, $"{folder}/{file}: {applied.Stdout}{applied.Stderr}");
        Assert.Equal("", applied.Stderr.Trim());
        return applied.Stdout.Trim();
    }

    [Fact]
    public async Task Seed_000_and_004_topology_applies_as_written()
    {
        // Seed 000: the external network it names by id, its VPC and its subnet; seed 004: the secondary network's VPC, subnet and NAT gateway.
        Assert.Equal("externalnetwork/external-net created", await ApplyAsync("vpc", "external-network.yaml"));
        Assert.Equal("vpc/test-vpc2 created", await ApplyAsync("vpc", "test-vpc2.yaml"));
        Assert.Equal("subnet/net192 created", await ApplyAsync("vpc", "net192.yaml"));
        Assert.Equal("vpc/vpc-secondary created", await ApplyAsync("vpc", "vpc-secondary.yaml"));
        Assert.Equal("subnet/subnet-secondary created", await ApplyAsync("vpc", "subnet-secondary.yaml"));
        Assert.Equal("vpcnatgateway/vpc-nat-gw created", await ApplyAsync("vpc", "vpc-nat-gw.yaml"));
        // Applying the same files again changes nothing, as kubectl says it.
        Assert.Equal("vpc/test-vpc2 unchanged", await ApplyAsync("vpc", "test-vpc2.yaml"));

        var subnets = await Meshctl(null, "get", "subnets");
        Assert.Contains("net192", subnets.Stdout);
        Assert.Contains("subnet-secondary", subnets.Stdout);
    }

    [Fact]
    public async Task The_seeds_own_mistakes_are_refused_with_the_fix_in_one_line_and_nothing_changes()
    {
        await ApplyAsync("vpc", "external-network.yaml");
        await ApplyAsync("vpc", "test-vpc2.yaml");
        await ApplyAsync("vpc", "vpc-secondary.yaml");

        // Seed 000 creates VPC test-vpc2 and then a subnet of "test-vpc-2".
        var typo = await Meshctl("""
            kind: Subnet
            apiVersion: kubeovn.io/v1
            metadata:
              name: net192
            spec:
              vpc: test-vpc-2
              cidrBlock: 192.168.100.0/24
              natOutgoing: true
            """, "apply", "-f", "-");
        Assert.Equal(1, typo.ExitCode);
        var line = Assert.Single(Lines(typo.Stderr));
        Assert.Contains("VpcNotFound", line);
        Assert.Contains("did you mean test-vpc2?", line);

        // Seed 004 writes cidr: where Kube-OVN's Subnet has cidrBlock (kubectl --validate=strict refuses it too).
        var field = await Meshctl("""
            apiVersion: kubeovn.io/v1
            kind: Subnet
            metadata:
              name: subnet-secondary
            spec:
              vpc: vpc-secondary
              cidr: "10.100.0.0/16"
              gateway: "10.100.0.1"
              provider: kube-ovn-vpc-network.default.ovn
            """, "apply", "-f", "-");
        Assert.Equal(1, field.ExitCode);
        line = Assert.Single(Lines(field.Stderr));
        Assert.Contains("UnknownField", line);
        Assert.Contains("did you mean cidrBlock?", line);

        var subnets = await Meshctl(null, "get", "subnets", "-o", "json");
        Assert.DoesNotContain("net192", subnets.Stdout);
        Assert.DoesNotContain("subnet-secondary", subnets.Stdout);
    }

    [Fact]
    public async Task Seed_001_sriov_policies_networks_and_node_states_apply_as_written_and_serve_its_pod()
    {
        Assert.Equal("sriovnetworknodestate/node-10 created", await ApplyAsync("sriov", "node-state-node-10.yaml"));
        // 5.1.3 to 5.1.6 write the same policy name for four scenarios: each one reconfigures node-policy-10.
        Assert.Equal("sriovnetworknodepolicy/node-policy-10 created", await ApplyAsync("sriov", "policy-rune-eth.yaml"));
        foreach (var file in new[] { "policy-rune-ib.yaml", "policy-runc-eth.yaml", "policy-runc-ib.yaml" })
        {
            Assert.Equal("sriovnetworknodepolicy/node-policy-10 configured", await ApplyAsync("sriov", file));
        }
        Assert.Equal("sriovnetworknodestate/node-10 configured", await ApplyAsync("sriov", "node-state-node-10-configured.yaml"));
        Assert.Equal("sriovibnetwork/ibnics created", await ApplyAsync("sriov", "network-ibnics.yaml"));
        Assert.Equal("sriovnetwork/nics created", await ApplyAsync("sriov", "network-nics.yaml"));

        // 5.1.3's pod, as the manual writes it, gets its VF from what was applied.
        var pod = await Meshctl(null, "pod", "create", "-f", Path.Combine(Examples, "sriov", "pod-runc-ibnics.yaml"), "-o", "json");
        Assert.True(pod.ExitCode == 0, pod.Stdout + pod.Stderr);
        Assert.Contains("mlxnics", pod.Stdout);
        Assert.Contains("0000:71:00", pod.Stdout);
    }

    [Fact]
    public async Task Every_other_kind_of_the_seeds_gets_one_line_and_a_non_zero_exit()
    {
        // Seed 001's Namespace (its label's lost "labels:" restored), seed 000's pod and KubeVirt VM, seed 004's NAD, a Deployment.
        var refused = await Meshctl("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: easystack
              labels:
                managed.es.io/resource: namespace
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              annotations:
                ovn.kubernetes.io/logical_switch: another-subnet
              namespace: default
              name: another-subnet-pod
            ---
            apiVersion: kubevirt.io/v1
            kind: VirtualMachine
            metadata:
              name: kubevirt-eip
            spec:
              template:
                metadata:
                  annotations:
                    ovn.kubernetes.io/eip: 172.35.0.20
            ---
            apiVersion: k8s.cni.cncf.io/v1
            kind: NetworkAttachmentDefinition
            metadata:
              name: kube-ovn-vpc-network
              namespace: default
            spec:
              config: |
                {
                "cniVersion": "0.3.1",
                "type": "kube-ovn",
                "server_socket": "/run/openvswitch/kube-ovn-daemon.sock",
                "provider": "kube-ovn-vpc-network.default.ovn"
                }
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: tomcat
            spec:
              replicas: 1
            ---
            apiVersion: kubeovn.io/v1
            kind: Vip
            metadata:
              name: vip-1
            spec:
              subnet: net192
            """, "apply", "-f", "-");
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("", refused.Stdout.Trim());
        var lines = Lines(refused.Stderr);
        Assert.Equal(6, lines.Count);
        Assert.StartsWith("document 1: Namespace/easystack (v1): not a mesh kind", lines[0]);
        Assert.StartsWith("document 2: Pod/another-subnet-pod (v1): a Pod is not applied; meshctl pod create", lines[1]);
        Assert.StartsWith("document 3: VirtualMachine/kubevirt-eip (kubevirt.io/v1): not a mesh kind", lines[2]);
        Assert.StartsWith("document 4: NetworkAttachmentDefinition/kube-ovn-vpc-network (k8s.cni.cncf.io/v1): not a mesh kind", lines[3]);
        Assert.StartsWith("document 5: Deployment/tomcat (apps/v1): not a mesh kind", lines[4]);
        Assert.StartsWith("document 6: Vip/vip-1 (kubeovn.io/v1): unknown kind", lines[5]);
        Assert.All(lines, l => Assert.DoesNotContain("   at ", l));
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
