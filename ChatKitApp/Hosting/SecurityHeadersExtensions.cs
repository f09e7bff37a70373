namespace ChatKitApp.Hosting;

public static class SecurityHeadersExtensions
{
    /// <summary>
    /// <c>X-Content-Type-Options</c>, <c>Referrer-Policy</c> and, on pages, the Content-Security-Policy
    /// (see <see cref="SecurityHeadersMiddleware"/>). First in the pipeline, so error pages get them too.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}
