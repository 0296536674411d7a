namespace Mesh.Gpu.Domain;

/// <summary>The node agent saw a card's health change (GPU-11).</summary>
public sealed record ReportDeviceHealth(string Node, int Index, bool Healthy, string Reason);
