using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using Microsoft.AspNetCore.Http;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>Tests only: the user named by the <c>X-Test-User</c> header, so one app can serve two users.</summary>
public sealed class HeaderUserContextFactory : IChatKitContextFactory<ChatKitRequestContext>
{
    public const string Header = "X-Test-User";

    public ChatKitRequestContext Create(HttpContext httpContext, ChatKitRequest request) =>
        new(httpContext.Request.Headers[Header].FirstOrDefault() ?? ChatKitRequestContextFactory.LocalUserId) { Metadata = request.Metadata ?? [] };
}
