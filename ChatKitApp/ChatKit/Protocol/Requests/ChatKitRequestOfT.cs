namespace ChatKitApp.ChatKit.Protocol;

/// <summary>A request with typed, required <c>params</c>.</summary>
public abstract record ChatKitRequest<TParams> : ChatKitRequest
{
    public required TParams Params { get; init; }
}
