using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using Microsoft.Extensions.Logging;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// A request's hold on one thread's write lease (<see cref="IChatKitStore{TContext}.TryLeaseThreadAsync"/>):
/// taken before the request changes the thread's items, renewed while its response streams, given
/// back when it ends. Requests that change one thread's items therefore run one after another, and
/// the thread's history is always the result of some serial order of them. The lease lives in the
/// store, so this holds across app instances that share a PostgreSQL database.
/// </summary>
internal sealed partial class ThreadLease<TContext> : IAsyncDisposable
{
    // How often a waiting request asks again; short against a response's length, long against a round trip.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly IChatKitStore<TContext> _store;
    private readonly string _threadId;
    private readonly string _holder;
    private readonly TContext _context;
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly PeriodicTimer _timer;
    private readonly Task _renewals;

    private ThreadLease(IChatKitStore<TContext> store, ThreadMetadata thread, string holder, TContext context, TimeProvider time, TimeSpan period, ILogger logger)
    {
        _store = store;
        Thread = thread;
        _threadId = thread.Id;
        _holder = holder;
        _context = context;
        _time = time;
        _period = period;
        _logger = logger;
        _timer = new PeriodicTimer(period / 3, time);
        _renewals = RenewUntilStoppedAsync();
    }

    /// <summary>The thread, loaded when the lease was taken (or created with it); the request's own copy.</summary>
    public ThreadMetadata Thread { get; }

    /// <summary>
    /// Inserts a thread this request has just created, with its first item and its lease already
    /// held (one store call, see <see cref="IChatKitStore{TContext}.CreateLeasedThreadAsync"/>): from
    /// <c>thread.created</c> on another tab may write to the thread, and finds it leased.
    /// </summary>
    public static async Task<ThreadLease<TContext>> CreateThreadAsync(
        IChatKitStore<TContext> store, ThreadMetadata thread, ThreadItem firstItem, TContext context, ChatKitLimits limits, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var holder = NewHolder();
        var period = TimeSpan.FromSeconds(limits.ThreadLeaseSeconds);
        var now = time.GetUtcNow();
        await store.CreateLeasedThreadAsync(thread, firstItem, holder, now, now + period, context, cancellationToken);
        return new ThreadLease<TContext>(store, thread, holder, context, time, period, logger);
    }

    /// <summary>
    /// Takes the thread's lease and loads the thread (<see cref="Thread"/>), waiting up to <see cref="ChatKitLimits.ThreadBusyWaitMilliseconds"/>
    /// for the request that holds it. Throws 409 <c>thread_busy</c> after that, and
    /// <see cref="NotFoundException"/> when the thread does not exist.
    /// </summary>
    public static async Task<ThreadLease<TContext>> AcquireAsync(
        IChatKitStore<TContext> store, string threadId, TContext context, ChatKitLimits limits, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var holder = NewHolder();
        var period = TimeSpan.FromSeconds(limits.ThreadLeaseSeconds);
        var wait = TimeSpan.FromMilliseconds(limits.ThreadBusyWaitMilliseconds);
        var started = time.GetTimestamp(); // elapsed time, not the wall clock a test may hold still
        while (true)
        {
            var now = time.GetUtcNow();
            if (await store.TryLeaseAndLoadThreadAsync(threadId, holder, now, now + period, context, cancellationToken) is { } thread)
            {
                return new ThreadLease<TContext>(store, thread, holder, context, time, period, logger);
            }

            if (time.GetElapsedTime(started) >= wait)
            {
                LogThreadBusy(logger, threadId);
                throw ChatKitRequestException.ThreadBusy(threadId);
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing the timer ends the renewal loop without an exception (a cancelled wait would throw
        // one per request, which costs more than the rest of a short turn's lease handling); the token
        // still stops a renewal that is under way.
        _timer.Dispose();
        await _stop.CancelAsync();
        await _renewals;
        _stop.Dispose();
        try
        {
            // With no token: the lease must go even when the request was cancelled.
            await _store.ReleaseThreadLeaseAsync(_threadId, _holder, _context, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease expires by itself; a failed release only delays the thread's next request.
            LogReleaseFailed(_logger, ex, _threadId);
        }
    }

    private static string NewHolder() => Guid.NewGuid().ToString("N");

    private async Task RenewUntilStoppedAsync()
    {
        try
        {
            while (await _timer.WaitForNextTickAsync())
            {
                await RenewAsync();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Released.
        }
    }

    private async Task RenewAsync()
    {
        try
        {
            var now = _time.GetUtcNow();
            if (!await _store.TryLeaseThreadAsync(_threadId, _holder, now, now + _period, _context, _stop.Token))
            {
                LogLeaseLost(_logger, _threadId);
            }
        }
        catch (NotFoundException)
        {
            // The thread was deleted while this request ran; its writes are dropped (see the pipeline).
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRenewFailed(_logger, ex, _threadId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Thread {ThreadId} is busy with another response; the request answers 409.")]
    private static partial void LogThreadBusy(ILogger logger, string threadId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The write lease of thread {ThreadId} expired and was taken by another request while this one still ran.")]
    private static partial void LogLeaseLost(ILogger logger, string threadId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the write lease of thread {ThreadId} failed; retrying at the next renewal.")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string threadId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the write lease of thread {ThreadId} failed; it expires by itself.")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string threadId);
}
