using Microsoft.Extensions.Options;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service;

// Mesh:Vpc is checked at start: CIDRs parse, and the configured default topology (VPC-1) passes
// the rules it will be decided by.
internal sealed class TopologySettingsValidation : IValidateOptions<TopologySettings>
{
    public ValidateOptionsResult Validate(string? name, TopologySettings options)
    {
        if (options.Validate() is { } error)
        {
            return ValidateOptionsResult.Fail($"Mesh:Vpc:{error}");
        }
        try
        {
            Topology.Bootstrap(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail($"Mesh:Vpc: {ex.Message}");
        }
    }
}
