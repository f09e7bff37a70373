using ChatKitApp.ChatKit.Server;

namespace ChatKitApp.ChatKitHost;

/// <summary>
/// Refuses request bodies that carry U+0000: PostgreSQL cannot store it in text or jsonb, so a turn
/// holding one would fail half-saved. Registered whichever store is configured, so that what a
/// client may send does not change with the store.
/// </summary>
public sealed class NulCharacterCheck : IChatKitRequestCheck
{
    public void Check(ReadOnlySpan<byte> body)
    {
        if (ContainsEscapedNul(body))
        {
            throw ChatKitRequestException.BadRequest("The request contains a NUL character (\\u0000), which is not allowed.");
        }
    }

    /// <summary>
    /// JSON can carry NUL only as the escape <c>\u0000</c>; an escape it is when the backslash before
    /// <c>u0000</c> is not itself escaped (an odd run of backslashes).
    /// </summary>
    private static bool ContainsEscapedNul(ReadOnlySpan<byte> body)
    {
        var offset = 0;
        while (body[offset..].IndexOf("u0000"u8) is var found and >= 0)
        {
            var at = offset + found;
            var backslashes = 0;
            while (at - backslashes - 1 >= 0 && body[at - backslashes - 1] == (byte)'\\')
            {
                backslashes++;
            }

            if (backslashes % 2 == 1)
            {
                return true;
            }

            offset = at + 5;
        }

        return false;
    }
}
