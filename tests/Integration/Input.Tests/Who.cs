using Mesh.Hosting;

namespace Mesh.Input.Tests;

/// <summary>Who sends a request: a token's subject, project and role (COMMON-5), or nobody (no token).</summary>
public sealed record Who(string Subject, string Project, string Role)
{
    private static readonly AuthOptions Auth = new();

    public static readonly Who Admin = new("root", "platform", MeshPrincipal.AdminRole);
    public static readonly Who Agent = new("agent-node-10", "platform", MeshPrincipal.NodeRole);
    public static readonly Who Nobody = new("", "", "");

    public static Who Member(string project) => new("user-" + project, project, "member");

    /// <summary>The same caller under another subject: what a request records carries it (metadata.principal).</summary>
    public Who As(string subject) => this with { Subject = subject };

    public string? Token => this == Nobody ? null : DevTokens.Mint(Auth, Subject, Project, Role);
}
