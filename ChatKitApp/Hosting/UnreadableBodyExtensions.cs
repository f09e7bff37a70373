namespace ChatKitApp.Hosting;

public static class UnreadableBodyExtensions
{
    /// <summary>
    /// A JSON 4xx for request bodies the server could not read (see <see cref="UnreadableBodyMiddleware"/>).
    /// After the exception handler, so it sees these exceptions first.
    /// </summary>
    public static WebApplication UseUnreadableBodyErrors(this WebApplication app)
    {
        app.UseMiddleware<UnreadableBodyMiddleware>();
        return app;
    }
}
