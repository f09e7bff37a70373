namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// Keeps a quiet stream open: while the next event is not ready, an SSE comment goes out after every
/// <c>interval</c> of silence (<see cref="ChatKitLimits.KeepAliveSeconds"/>), because proxies with
/// idle timeouts drop a connection that carries no byte for a while, and a slow model or a provider's
/// back-off can be silent for longer than that. The comment is written by the loop that writes the
/// events, between two of them, so the two never interleave and nothing is written after the end.
/// </summary>
public sealed class SseKeepAlive(TimeSpan interval, TimeProvider timeProvider)
{
    /// <summary>
    /// Waits until <paramref name="next"/> completes (however it completes), writing and sending a
    /// keep-alive comment whenever <c>interval</c> passes first. False when the client has gone away
    /// while a comment was being sent; <paramref name="next"/> may then still be running.
    /// </summary>
    public async Task<bool> WaitAsync(Task next, SseWriter writer, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return true;
        }

        while (true)
        {
            // Only the waiting times out, never next: its outcome is the caller's to observe.
            await next.WaitAsync(interval, timeProvider, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (next.IsCompleted)
            {
                return true;
            }

            writer.WriteKeepAlive();
            if (!await writer.FlushOrGoneAsync(cancellationToken))
            {
                return false;
            }
        }
    }
}
