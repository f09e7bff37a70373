using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace ChatKitApp.Sharing;

/// <summary>
/// A share link's secret: 128 random bits from <see cref="RandomNumberGenerator"/>, base64url
/// (22 characters). Only its SHA-256 is stored, so reading the database (a backup, a replica, a
/// leaked dump) reveals no live link. A fast unsalted hash is enough for that: the token is
/// uniformly random, so there is no dictionary to try, and guessing one preimage of 2^128 is the
/// same work as guessing a token.
/// </summary>
public static class ShareToken
{
    public const int Bytes = 16;

    /// <summary>A new token for a link.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The stored form of <paramref name="token"/>; null when it is not a token this app makes (a 404 then).</summary>
    public static byte[]? Hash(string? token)
    {
        // The status-returning decoder: TryDecodeFromChars throws on characters outside the
        // alphabet, and on a last character whose 4 unused bits are set (not the spelling New makes).
        Span<byte> raw = stackalloc byte[Bytes];
        return token is { Length: 22 }
            && Base64Url.DecodeFromChars(token, raw, out _, out var written) == OperationStatus.Done
            && written == Bytes
            ? SHA256.HashData(raw)
            : null;
    }
}
