using System.Globalization;
using System.Text.Encodings.Web;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>
/// Escapes only what JSON requires (quote, backslash, control characters) so non-ASCII text,
/// emoji included, goes out as raw UTF-8. The built-in relaxed encoder still escapes characters
/// outside the Basic Multilingual Plane. Our output is JSON for SSE and fetch, never inlined into HTML.
/// </summary>
public sealed class MinimalJsonEscaping : JavaScriptEncoder
{
    public static MinimalJsonEscaping Instance { get; } = new();

    private MinimalJsonEscaping()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => 6; // \uXXXX

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\' ||
        (unicodeScalar >= 0xD800 && unicodeScalar <= 0xDFFF); // lone surrogates cannot be raw UTF-8

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++; // a valid pair is written as is
                continue;
            }

            if (WillEncode(c))
            {
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var output = new Span<char>(buffer, bufferLength);
        ReadOnlySpan<char> escaped = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ => default,
        };

        if (!escaped.IsEmpty)
        {
            return Copy(escaped, output, out numberOfCharactersWritten);
        }

        if (!WillEncode(unicodeScalar))
        {
            return Copy(char.ConvertFromUtf32(unicodeScalar), output, out numberOfCharactersWritten);
        }

        Span<char> hex = stackalloc char[6];
        "\\u".CopyTo(hex);
        unicodeScalar.TryFormat(hex[2..], out _, "x4", CultureInfo.InvariantCulture);
        return Copy(hex, output, out numberOfCharactersWritten);
    }

    private static bool Copy(ReadOnlySpan<char> source, Span<char> destination, out int written)
    {
        if (source.TryCopyTo(destination))
        {
            written = source.Length;
            return true;
        }

        written = 0;
        return false;
    }
}
