using System.Security.Cryptography;
using System.Text;

namespace Mesh.Messaging;

/// <summary>
/// Message ids derived from what they carry, so that a message published again after a crash has the
/// same id and idempotent consumers drop it.
/// </summary>
public static class DeterministicId
{
    /// <summary>The id of the <paramref name="index"/>-th message published for event <paramref name="eventId"/>.</summary>
    public static Guid ForEvent(Guid eventId, int index) =>
        index == 0 ? eventId : FromBytes(Encoding.UTF8.GetBytes($"{eventId:N}/{index}"));

    /// <summary>A stable id for a body that came without one (plain JSON from a non-.NET sender).</summary>
    public static Guid FromBytes(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }
}
