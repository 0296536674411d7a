using Mesh.Contracts;

namespace Mesh.Vpc.Domain;

// Codes of the VPC service beyond the shared Mesh.Contracts.ErrorCodes (COMMON-3).
public static class VpcErrorCodes
{
    public const string CidrConflict = ErrorCodes.CidrConflict;
    public const string SubnetBeingChanged = "SubnetBeingChanged";
    public const string InvalidCidr = "InvalidCidr";
    public const string VpcInUse = "VpcInUse";
    public const string SubnetInUse = "SubnetInUse";
    public const string SubnetBeingDeleted = "SubnetBeingDeleted";
    public const string SubnetDeletionNotRequested = "SubnetDeletionNotRequested";
    public const string RouteTableFull = "RouteTableFull";
    public const string UnsupportedGatewayType = "UnsupportedGatewayType";
    public const string UnderlayNotSupported = "UnderlayNotSupported";
    public const string ExternalNetworkNotFound = "ExternalNetworkNotFound";
    public const string VpcNotFound = "VpcNotFound";
    public const string SubnetNotFound = "SubnetNotFound";
    public const string NatGatewayNotFound = "NatGatewayNotFound";
    public const string NatGatewayExists = "NatGatewayExists";
    public const string ProtectedResource = "ProtectedResource";
}
