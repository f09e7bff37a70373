using System.Security.Cryptography;

namespace ChatKitApp.Hosting;

/// <summary>
/// This request's Content-Security-Policy script nonce, kept in <see cref="HttpContext.Items"/>: the
/// page that renders the inline script asks for it, and <see cref="SecurityHeadersMiddleware"/>
/// puts it in the policy when the response starts.
/// </summary>
public static class CspNonceExtensions
{
    private const string ItemKey = "ChatKitApp.CspNonce";

    /// <summary>This request's script nonce, made on first use.</summary>
    public static string CspNonce(this HttpContext http)
    {
        if (http.Items[ItemKey] is not string nonce)
        {
            // Hex: valid in a CSP nonce and never changed by HTML attribute encoding (base64 "+" would be).
            nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            http.Items[ItemKey] = nonce;
        }

        return nonce;
    }

    /// <summary>The nonce if the page asked for one; a response without inline scripts needs none.</summary>
    internal static string? CspNonceIfMade(this HttpContext http) => http.Items[ItemKey] as string;
}
