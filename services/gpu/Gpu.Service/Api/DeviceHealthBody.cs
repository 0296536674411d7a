namespace Mesh.Gpu.Service.Api;

/// <summary>The body of <c>PUT .../gpunodes/{name}/devices/{index}/health</c>.</summary>
public sealed record DeviceHealthBody(bool? Healthy, string? Reason);
