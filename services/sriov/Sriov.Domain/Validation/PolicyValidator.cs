using System.Text.RegularExpressions;
using Mesh.Contracts;

namespace Mesh.Sriov.Domain;

/// SRIOV-2, SRIOV-2a, SRIOV-3: the checks and defaults that need no node state. The checks that
/// need a node's interfaces live in <see cref="PolicyPlanner.CheckAgainstNode"/>.
public static partial class PolicyValidator
{
    public const int DefaultPriority = 99;

    [GeneratedRegex("^[a-zA-Z0-9]([a-zA-Z0-9_-]*[a-zA-Z0-9])?$")]
    private static partial Regex ResourceNameForm();

    public static bool IsResourceName(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 63 && ResourceNameForm().IsMatch(value);

    /// The policy with defaults filled in (priority 99, deviceType netdevice, isRdma false, IB
    /// netdevice implies RDMA, linkType upper-cased), or the first rule it breaks.
    public static (SriovNetworkNodePolicy? Policy, MeshError? Error) Validate(SriovNetworkNodePolicy policy, SriovSettings settings)
    {
        var spec = policy.Spec;
        var error = DnsName.Check(policy.Name) ?? CheckFields(spec, settings) ?? CheckNicSelector(spec.NicSelector, settings);
        if (error is not null)
        {
            return (null, error);
        }
        var deviceType = spec.DeviceType ?? DeviceTypes.Netdevice;
        var linkType = spec.LinkType?.ToUpperInvariant();
        var isRdma = spec.IsRdma ?? false;
        if (linkType == DeviceTypes.LinkIb && deviceType == DeviceTypes.Netdevice)
        {
            isRdma = true;
        }
        var normalized = spec with
        {
            Priority = spec.Priority ?? DefaultPriority,
            DeviceType = deviceType,
            IsRdma = isRdma,
            LinkType = linkType,
            NodeSelector = new SortedDictionary<string, string>(
                spec.NodeSelector?.ToDictionary() ?? [], StringComparer.Ordinal),
        };
        return (policy with { Spec = normalized }, null);
    }

    private static MeshError? CheckFields(SriovNetworkNodePolicySpec spec, SriovSettings settings)
    {
        if (string.IsNullOrEmpty(spec.ResourceName))
        {
            return SriovErrors.Missing("spec.resourceName", "name the device plugin resource, e.g. resourceName: mlxnics");
        }
        if (!IsResourceName(spec.ResourceName))
        {
            return SriovErrors.ResourceNameInvalid(spec.ResourceName);
        }
        if (spec.Priority is { } priority && priority is < 0 or > 99)
        {
            return SriovErrors.OutOfRange("spec.priority", priority, 0, 99, "lower numbers win; leave it out for the default 99");
        }
        if (spec.Mtu is { } mtu && mtu is < 1 or > 9000)
        {
            return SriovErrors.MtuOutOfRange(mtu);
        }
        if (spec.NumVfs is not { } numVfs)
        {
            return SriovErrors.Missing("spec.numVfs", "give the number of VFs to create on the PF, e.g. numVfs: 3");
        }
        if (numVfs == 0)
        {
            return SriovErrors.NumVfsZero();
        }
        if (numVfs < 0)
        {
            return SriovErrors.Invalid("spec.numVfs", numVfs.ToString(), "must be at least 1");
        }
        if (spec.NicSelector?.Vendor == DeviceTypes.VendorMellanox && numVfs > settings.MellanoxMaxVfs)
        {
            return SriovErrors.MellanoxTooManyVfs(numVfs, settings.MellanoxMaxVfs);
        }
        if (spec.DeviceType is { } deviceType && deviceType is not (DeviceTypes.Netdevice or DeviceTypes.VfioPci))
        {
            return SriovErrors.NotOneOf("spec.deviceType", deviceType, [DeviceTypes.Netdevice, DeviceTypes.VfioPci]);
        }
        if (spec.LinkType is { } link && link.ToUpperInvariant() is not (DeviceTypes.LinkIb or DeviceTypes.LinkEth))
        {
            return SriovErrors.NotOneOf("spec.linkType", link, [DeviceTypes.LinkIb, DeviceTypes.LinkEth]);
        }
        if (spec.DeviceType == DeviceTypes.VfioPci && spec.IsRdma == true)
        {
            return SriovErrors.RdmaWithVfioPci();
        }
        return null;
    }

    private static MeshError? CheckNicSelector(SriovNicSelector? nic, SriovSettings settings)
    {
        if (nic is null)
        {
            return SriovErrors.Missing("spec.nicSelector", "select the PF by vendor, deviceID, pfNames or rootDevices");
        }
        if (nic.Vendor is { } vendor && !settings.Vendors.Contains(vendor))
        {
            return SriovErrors.NotOneOf("spec.nicSelector.vendor", vendor, settings.Vendors);
        }
        if (nic.DeviceID is { } device && !settings.DeviceIds.Contains(device))
        {
            return SriovErrors.NotOneOf("spec.nicSelector.deviceID", device, settings.DeviceIds);
        }
        if (nic.PfNameList.FirstOrDefault(string.IsNullOrWhiteSpace) is { } blank)
        {
            return SriovErrors.Invalid("spec.nicSelector.pfNames", blank, "is not a PF name");
        }
        if (nic.RootDeviceList.FirstOrDefault(d => !PciAddress.IsValid(d)) is { } bad)
        {
            return SriovErrors.Invalid("spec.nicSelector.rootDevices", bad, "is not a PCI address like 0000:02:00.1");
        }
        if (nic.RootDeviceList.Count > 0 && nic.Vendor is null && nic.DeviceID is null && nic.PfNameList.Count == 0)
        {
            return SriovErrors.RootDevicesNeedSelector(nic.RootDeviceList);
        }
        if (nic.Vendor is null && nic.DeviceID is null && nic.PfNameList.Count == 0 && nic.RootDeviceList.Count == 0)
        {
            return SriovErrors.Missing("spec.nicSelector", "select the PF by vendor, deviceID, pfNames or rootDevices");
        }
        return null;
    }
}
