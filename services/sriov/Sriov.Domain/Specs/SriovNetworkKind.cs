namespace Mesh.Sriov.Domain;

/// Which custom resource a network document is: `SriovNetwork` (Ethernet) or `SriovIBNetwork`.
public enum SriovNetworkKind
{
    SriovNetwork,
    SriovIBNetwork,
}
