using Mesh.Contracts;
using Mesh.EventSourcing.Actors;
using Mesh.Gpu.Domain;

namespace Mesh.Gpu.Service.Handlers;

/// <summary>Stream <c>gpu-quota-&lt;project&gt;</c> under its single writer (GPU-6).</summary>
public sealed class GpuQuotaBehavior : IStreamBehavior<GpuQuota, object, QuotaUsage>
{
    public string StreamId(string key) => GpuQuota.StreamId(key);

    public GpuQuota Initial(string key) => new(key);

    public GpuQuota Apply(GpuQuota state, object @event)
    {
        state.Apply(@event);
        return state;
    }

    public Decision Decide(GpuQuota state, object command) => GpuQuotaDecider.Decide(state, command);

    public QuotaUsage Result(GpuQuota state, object command, Decision decision) => QuotaUsage.Of(state);
}
