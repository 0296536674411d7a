using MassTransit;
using Mesh.Contracts;
using Mesh.Contracts.Fip;
using Mesh.Contracts.Gpu;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Pods;
using Mesh.Contracts.Sriov;

namespace Mesh.Messaging.Pods;

/// <summary>
/// The whole-pod flow: one descriptor in, each service does its part (GPU placement, then the primary
/// address, then VFs with their addresses, then NAT rules), one answer out. When a part is refused,
/// the parts already given are released in reverse order and the refusal names the step: all of the
/// pod's resources, or none of them. Every step is idempotent on the pod uid, so a retry is safe.
/// </summary>
public sealed class PodFlow(IClientFactory clients, TimeSpan? timeout = null)
{
    private readonly RequestTimeout _timeout = timeout ?? TimeSpan.FromSeconds(30);

    public async Task<(PodResources? Resources, PodRefused? Refused)> CreateAsync(PodDescriptor pod, CancellationToken ct = default)
    {
        var done = new Stack<(string Step, Func<Task<(object?, Rejected?)>> Undo)>();
        async Task<(PodResources?, PodRefused?)> Refuse(string step, Rejected reason)
        {
            var compensated = new List<string>();
            while (done.TryPop(out var part))
            {
                await part.Undo();
                compensated.Add(part.Step);
            }
            return (null, new PodRefused(pod.Uid, step, reason, compensated));
        }

        GpuAssignment? gpus = null;
        var node = pod.Node;
        if (pod.Requests.Keys.Any(k => k.StartsWith("nvidia.com/", StringComparison.Ordinal) || k == "baidu.com/XPU"))
        {
            var answer = await Request<AssignPodGpus, GpuAssignment>(new AssignPodGpus { Pod = ToGpuPod(pod, node) }, ct);
            if (answer.Refused is { } r)
            {
                return await Refuse("gpu", r);
            }
            gpus = answer.Ok!;
            node = gpus.Node;
            done.Push(("gpu", () => Undo<ReleasePodGpus, GpuRelease>(new ReleasePodGpus { PodUid = pod.Uid, Project = pod.Project, Reason = "Compensation" })));
        }
        if (node is null)
        {
            return await Refuse("ipam", Rejected.From(new MeshError(ErrorCodes.MissingField, "the pod has no node and requests no GPU to place it by",
                ErrorKind.Invalid, "node", null, "give the pod's node")));
        }

        var address = await Request<AllocateIp, IpAllocation>(new AllocateIp
        {
            Project = pod.Project, PodUid = pod.Uid, PodNamespace = pod.Namespace, PodName = pod.Name, Node = node,
            Subnet = Annotation(pod, "ovn.kubernetes.io/logical_switch"), IpAddress = Annotation(pod, "ovn.kubernetes.io/ip_address"),
            MacAddress = Annotation(pod, "ovn.kubernetes.io/mac_address"),
            StickyKey = pod.WorkloadKind == "StatefulSet" ? $"{pod.Namespace}/{pod.Name}" : null,
        }, ct);
        if (address.Refused is { } refusedIp)
        {
            return await Refuse("ipam", refusedIp);
        }
        done.Push(("ipam", () => Undo<ReleaseIp, IpReleaseResult>(new ReleaseIp { Project = pod.Project, PodUid = pod.Uid, Reason = "Compensation" })));

        PodVfAllocation? vfs = null;
        var vfRequests = pod.Requests.Where(r => r.Key.StartsWith("ecnf.io/", StringComparison.Ordinal))
            .ToDictionary(r => r.Key, r => int.TryParse(r.Value, out var n) ? n : 0);
        if (vfRequests.Count > 0)
        {
            var answer = await Request<AllocatePodVfs, PodVfAllocation>(new AllocatePodVfs
            {
                Project = pod.Project, PodUid = pod.Uid, PodNamespace = pod.Namespace, PodName = pod.Name, Node = node,
                RuntimeClassName = pod.RuntimeClassName, Annotations = pod.Annotations, Requests = vfRequests,
            }, ct);
            if (answer.Refused is { } r)
            {
                return await Refuse("sriov", r);
            }
            vfs = answer.Ok;
            done.Push(("sriov", () => Undo<ReleasePodVfs, PodVfRelease>(new ReleasePodVfs { Project = pod.Project, PodUid = pod.Uid, Reason = "Compensation" })));
        }

        PodNatApplied? nat = null;
        if (Annotation(pod, "ovn.kubernetes.io/snat") is not null || Annotation(pod, "ovn.kubernetes.io/eip") is not null)
        {
            var answer = await Request<ApplyPodNat, PodNatApplied>(new ApplyPodNat
            {
                Project = pod.Project, PodUid = pod.Uid, PodNamespace = pod.Namespace, PodName = pod.Name,
                IpAddress = address.Ok!.IpAddress, Annotations = pod.Annotations,
            }, ct);
            if (answer.Refused is { } r)
            {
                return await Refuse("fip", r);
            }
            nat = answer.Ok;
        }
        return (new PodResources(pod.Uid, node, [address.Ok!], vfs, gpus, nat), null);
    }

    /// <summary>Releases everything the pod holds, in reverse order; releasing twice is not an error.</summary>
    public async Task DeleteAsync(string project, string podUid, CancellationToken ct = default)
    {
        await Request<ReleasePodNat, PodNatReleased>(new ReleasePodNat { Project = project, PodUid = podUid }, ct);
        await Request<ReleasePodVfs, PodVfRelease>(new ReleasePodVfs { Project = project, PodUid = podUid }, ct);
        await Request<ReleaseIp, IpReleaseResult>(new ReleaseIp { Project = project, PodUid = podUid }, ct);
        await Request<ReleasePodGpus, GpuRelease>(new ReleasePodGpus { PodUid = podUid, Project = project }, ct);
    }

    private async Task<(object?, Rejected?)> Undo<TCommand, TOk>(TCommand command) where TCommand : class where TOk : class =>
        await Request<TCommand, TOk>(command, CancellationToken.None);

    private async Task<(TOk? Ok, Rejected? Refused)> Request<TCommand, TOk>(TCommand command, CancellationToken ct)
        where TCommand : class where TOk : class
    {
        var client = clients.CreateRequestClient<TCommand>(_timeout);
        var response = await client.GetResponse<TOk, Rejected>(command, ct);
        if (response.Is(out Response<TOk>? ok))
        {
            return (ok!.Message, null);
        }
        return response.Is(out Response<Rejected>? refused) ? (null, refused!.Message) : (null, null);
    }

    private static string? Annotation(PodDescriptor pod, string key) => pod.Annotations.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    private static GpuPod ToGpuPod(PodDescriptor pod, string? node) => new()
    {
        Namespace = pod.Namespace, Name = pod.Name, Uid = pod.Uid, Project = pod.Project, Node = node,
        RuntimeClassName = pod.RuntimeClassName, WorkloadKind = pod.WorkloadKind, Requests = pod.Requests,
        Tolerations = pod.Tolerations, Annotations = pod.Annotations, NodeSelector = pod.NodeSelector, Env = pod.Env,
    };
}
