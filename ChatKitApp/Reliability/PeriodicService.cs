namespace ChatKitApp.Reliability;

/// <summary>
/// A background service that does one thing every <see cref="Period"/>, on the app's
/// <see cref="TimeProvider"/> (so tests drive it with a fake clock). The first tick comes one period
/// after start-up, not at once. A failed tick is reported and the next one runs as usual: a store that
/// is briefly away must not stop the app.
/// </summary>
public abstract class PeriodicService(TimeProvider time) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>The clock the timer runs on.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>How long from one tick to the next.</summary>
    protected abstract TimeSpan Period { get; }

    /// <summary>The work of one tick.</summary>
    protected abstract Task TickAsync(CancellationToken stoppingToken);

    /// <summary>Reports a tick that threw (the next one still runs).</summary>
    protected abstract void OnTickFailed(Exception exception);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The timer starts here, not in ExecuteAsync, which runs later on a pool thread.
        _timer = new PeriodicTimer(Period, Time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("ExecuteAsync runs only after StartAsync.");
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TickAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    OnTickFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }
}
