namespace ChatKitApp.ChatKit.Protocol;

/// <summary>An in-band failure; <see cref="Message"/> is shown only for the <c>custom</c> code.</summary>
public sealed record ErrorEvent : ThreadStreamEvent
{
    public string Code { get; set; } = ErrorCodes.Custom;

    public string? Message { get; init; }

    public bool AllowRetry { get; init; }
}
