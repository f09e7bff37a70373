using System.ClientModel.Primitives;
using System.Globalization;

namespace ChatKitApp.Agents.Models;

/// <summary>
/// The SDK's retry policy (429, 5xx and network failures, retried after a back-off or the provider's
/// <c>Retry-After</c>) with a budget: the waits before the retries of one provider call add up to at
/// most <c>maxWait</c> (<see cref="ChatModelOptions.MaxRetryWaitSeconds"/>). A provider that asks to
/// wait longer than what is left gets no retry, so its 429 reaches the user at once as a retryable
/// error instead of a turn that sits silent while the SDK waits out, say, <c>Retry-After: 20</c>
/// once per retry.
/// </summary>
public sealed class ProviderRetryPolicy(int maxRetries, TimeSpan maxWait, TimeProvider timeProvider) : ClientRetryPolicy(maxRetries)
{
    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && !(RetryAfter(message.Response) > maxWait - Waited(message));

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        var waited = Waited(message);
        var left = maxWait - waited;
        var delay = base.GetNextDelay(message, tryCount);
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > left ? left : delay;
        message.SetProperty(typeof(WaitedKey), waited + delay);
        return delay;
    }

    /// <summary>How long the provider asked to wait: <c>retry-after-ms</c>, or <c>Retry-After</c> in seconds or as a date.</summary>
    private TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date - timeProvider.GetUtcNow()
            : null;
    }

    private static TimeSpan Waited(PipelineMessage message) =>
        message.TryGetProperty(typeof(WaitedKey), out var waited) && waited is TimeSpan time ? time : TimeSpan.Zero;

    /// <summary>The key of the time already waited for one message, among the message's properties.</summary>
    private sealed class WaitedKey;
}
