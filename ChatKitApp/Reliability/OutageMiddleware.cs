namespace ChatKitApp.Reliability;

/// <summary>
/// Before anything else of a request looks at the database: while a source is not ready (the
/// database is unreachable at start-up, migrations pending), answers every request 503 except
/// those marked <see cref="OutageExtensions.AllowBeforeReady{TBuilder}"/> (the health check).
/// Even a static file would not do: its cookie would be decrypted with the key ring, which lives in
/// the database. Afterwards, turns an outage that escapes a handler (pages, account and attachment
/// endpoints, the cookie's key ring) into the same 503 instead of a 500.
/// </summary>
internal sealed class OutageMiddleware(RequestDelegate next, OutageGuard outages)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!outages.IsReady && http.GetEndpoint()?.Metadata.GetMetadata<AllowBeforeReadyMetadata>() is null)
        {
            await outages.RespondAsync(http, exception: null);
            return;
        }

        try
        {
            await next(http);
        }
        catch (Exception ex) when (outages.IsOutage(ex) && !http.RequestAborted.IsCancellationRequested)
        {
            var halfSent = http.Response.HasStarted;
            await outages.RespondAsync(http, ex);
            if (halfSent)
            {
                http.Abort(); // a page already half sent: a broken response, not a complete-looking one
            }
        }
    }
}
