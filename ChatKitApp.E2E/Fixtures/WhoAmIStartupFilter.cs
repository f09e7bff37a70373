using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>
/// Test-only <c>GET /test/whoami</c>: the user id in the browser's auth cookie, so a test can seed
/// or inspect that user's data. Every browser context is its own guest user.
/// </summary>
public sealed class WhoAmIStartupFilter : IStartupFilter
{
    public const string Path = "/test/whoami";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path != Path)
            {
                await nextMiddleware(context);
                return;
            }

            var result = await context.AuthenticateAsync();
            await context.Response.WriteAsync(result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        });
        next(app);
    };
}
