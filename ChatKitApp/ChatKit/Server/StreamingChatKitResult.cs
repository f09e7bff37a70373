using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// A streaming answer. Its first event has already been produced, so everything that can fail
/// before the response starts (validation, unknown threads, wrong item states) has already failed
/// as an exception. Enumerate it once; dispose it if you do not.
/// </summary>
public sealed class StreamingChatKitResult : ChatKitResult, IAsyncEnumerable<ThreadStreamEvent>, IAsyncDisposable
{
    private readonly IAsyncEnumerator<ThreadStreamEvent> _primed;
    private bool _started;

    private StreamingChatKitResult(IAsyncEnumerator<ThreadStreamEvent> primed, bool hasFirst)
    {
        _primed = primed;
        HasEvents = hasFirst;
    }

    /// <summary>False when the stream ended before producing any event.</summary>
    public bool HasEvents { get; }

    /// <summary>Runs <paramref name="events"/> up to its first event, so pre-flight failures surface here.</summary>
    public static async Task<StreamingChatKitResult> StartAsync(IAsyncEnumerable<ThreadStreamEvent> events, CancellationToken cancellationToken)
    {
        var enumerator = events.GetAsyncEnumerator(cancellationToken);
        try
        {
            var hasFirst = await enumerator.MoveNextAsync();
            return new StreamingChatKitResult(enumerator, hasFirst);
        }
        catch
        {
            await enumerator.DisposeAsync();
            throw;
        }
    }

    public async IAsyncEnumerator<ThreadStreamEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            throw new InvalidOperationException("A streaming result can be enumerated only once.");
        }

        _started = true;
        if (!HasEvents)
        {
            yield break;
        }

        yield return _primed.Current;
        while (await _primed.MoveNextAsync())
        {
            yield return _primed.Current;
        }
    }

    public ValueTask DisposeAsync() => _primed.DisposeAsync();
}
