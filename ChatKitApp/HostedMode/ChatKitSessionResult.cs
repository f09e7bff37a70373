using System.Text.Json.Nodes;

namespace ChatKitApp.HostedMode;

/// <summary>A new client secret (and when it expires, as the API said), or a status and message for the browser.</summary>
public sealed record ChatKitSessionResult(string? ClientSecret, JsonNode? ExpiresAfter, int Status, string? Code, string? Message)
{
    public static ChatKitSessionResult Succeeded(string clientSecret, JsonNode? expiresAfter) => new(clientSecret, expiresAfter, StatusCodes.Status200OK, null, null);

    public static ChatKitSessionResult Failed(int status, string code, string message) => new(null, null, status, code, message);
}
