using ChatKitApp.ChatKit.Protocol;
using Microsoft.AspNetCore.Http;

namespace ChatKitApp.ChatKit.Server;

/// <summary>Builds the request context the server, store and responder see, from the HTTP request.</summary>
public interface IChatKitContextFactory<out TContext>
{
    TContext Create(HttpContext httpContext, ChatKitRequest request);
}
