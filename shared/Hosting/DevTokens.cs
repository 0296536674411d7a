using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mesh.Hosting;

/// <summary>Mints bearer tokens signed with the configured key (<c>meshctl token</c>, tests).</summary>
public static class DevTokens
{
    /// <summary>A token for <paramref name="subject"/> in <paramref name="project"/> with <paramref name="role"/>.</summary>
    public static string Mint(AuthOptions auth, string subject, string project, string role, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now + (lifetime ?? TimeSpan.FromHours(12)),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["project"] = project, ["role"] = role },
            SigningCredentials = new SigningCredentials(SigningKey(auth), SecurityAlgorithms.HmacSha256),
        });
    }

    internal static SymmetricSecurityKey SigningKey(AuthOptions auth) => new(Encoding.UTF8.GetBytes(auth.SigningKey));
}
