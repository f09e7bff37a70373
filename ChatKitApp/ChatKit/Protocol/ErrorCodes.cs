namespace ChatKitApp.ChatKit.Protocol;

/// <summary>The error codes of the protocol's open error-code set.</summary>
public static class ErrorCodes
{
    /// <summary>A generic failure; the client shows its own localized text.</summary>
    public const string StreamError = "stream.error";

    /// <summary>The error carries a message the client shows as is.</summary>
    public const string Custom = "custom";
}
