namespace ChatKitApp.ChatKit.Server;

/// <summary>What <see cref="ChatKitServer{TContext}.ProcessAsync(Protocol.ChatKitRequest, TContext, CancellationToken)"/> returns.</summary>
public abstract class ChatKitResult;
