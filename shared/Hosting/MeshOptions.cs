using System.ComponentModel.DataAnnotations;
using Mesh.Messaging;

namespace Mesh.Hosting;

/// <summary>
/// A service's settings (section <c>Mesh</c>; environment <c>Mesh__Postgres</c>, <c>Mesh__RabbitMq__Url</c>, ...).
/// The defaults work with <c>./mesh up</c> on one machine.
/// </summary>
public sealed class MeshOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Mesh";

    /// <summary>The service's own database (each service has one; none reads another's).</summary>
    [Required]
    public string Postgres { get; set; } = "";

    /// <summary>The broker.</summary>
    [Required]
    public MessagingOptions RabbitMq { get; set; } = new();

    /// <summary>Bearer-token settings.</summary>
    [Required]
    public AuthOptions Auth { get; set; } = new();
}

/// <summary>Bearer tokens with <c>project</c> and <c>role</c> claims, signed with a shared key (HS256).</summary>
public sealed class AuthOptions
{
    /// <summary>The development key <c>./mesh up</c> uses. Never use it outside one machine.</summary>
    public const string DevelopmentKey = "mesh-development-signing-key-not-for-production-0123456789";

    /// <summary>The signing key (at least 32 characters).</summary>
    [Required, MinLength(32)]
    public string SigningKey { get; set; } = DevelopmentKey;

    /// <summary>The token issuer.</summary>
    [Required]
    public string Issuer { get; set; } = "mesh";

    /// <summary>The token audience.</summary>
    [Required]
    public string Audience { get; set; } = "mesh";
}
