using System.Collections.Concurrent;
using ChatKitApp.Components.Chat;
using ChatKitApp.Components.Chat.Events;
using ChatKitApp.Components.Chat.Options;
using Microsoft.AspNetCore.Components;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>
/// The app's <see cref="ChatKitPanel"/> with every event callback the page leaves unset recording
/// what reaches .NET, and a way for a test to call the panel's methods on its circuit's dispatcher.
/// </summary>
public sealed class RecordingChatKitPanel : ChatKitPanel
{
    private readonly ConcurrentQueue<(string Name, object? Argument)> _events = new();

    public IReadOnlyList<(string Name, object? Argument)> Events => [.. _events];

    /// <summary>Runs <paramref name="work"/> (a method call on this panel) as the circuit would.</summary>
    public Task RunAsync(Func<RecordingChatKitPanel, Task> work) => InvokeAsync(() => work(this));

    /// <summary>
    /// Gives the element new options as a page would (a new parameter value, then a render), with
    /// <paramref name="change"/> applied to the current ones; for tests of option members.
    /// </summary>
    public Task ChangeOptionsAsync(Func<ChatKitOptions, ChatKitOptions> change) => InvokeAsync(() =>
    {
#pragma warning disable BL0005 // a test stands in for the page that owns the parameter
        Options = change(Options);
#pragma warning restore BL0005
        StateHasChanged();
    });

    /// <summary>An <see cref="EventCallback"/> that records <paramref name="name"/> when it runs.</summary>
    public EventCallback Recorder(string name) => Record(name);

    /// <summary>
    /// Waits until an event of that name reached .NET, among those after the first
    /// <paramref name="since"/> (<see cref="Events"/>' count before the step under test), and returns its argument.
    /// </summary>
    public async Task<object?> WaitForAsync(string name, Func<object?, bool>? match = null, int since = 0, int timeoutMs = 20_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            foreach (var (seen, argument) in _events.Skip(since))
            {
                if (seen == name && (match is null || match(argument)))
                {
                    return argument;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{name} never reached .NET; seen: {string.Join(", ", _events.Select(e => e.Name))}.");
            }

            await Task.Delay(50);
        }
    }

    public override Task SetParametersAsync(ParameterView parameters)
    {
        // Set before the page's parameters: a callback the page supplies replaces the recorder.
        if (!OnReady.HasDelegate) OnReady = Record("chatkit.ready");
        if (!OnResponseStart.HasDelegate) OnResponseStart = Record("chatkit.response.start");
        if (!OnResponseEnd.HasDelegate) OnResponseEnd = Record("chatkit.response.end");
        if (!OnThreadChange.HasDelegate) OnThreadChange = Record<ChatKitThreadChangeEvent>("chatkit.thread.change");
        if (!OnThreadLoadStart.HasDelegate) OnThreadLoadStart = Record<ChatKitThreadLoadEvent>("chatkit.thread.load.start");
        if (!OnThreadLoadEnd.HasDelegate) OnThreadLoadEnd = Record<ChatKitThreadLoadEvent>("chatkit.thread.load.end");
        if (!OnError.HasDelegate) OnError = Record<ChatKitErrorEvent>("chatkit.error");
        if (!OnEffect.HasDelegate) OnEffect = Record<ChatKitNamedEvent>("chatkit.effect");
        if (!OnDeeplink.HasDelegate) OnDeeplink = Record<ChatKitNamedEvent>("chatkit.deeplink");
        if (!OnLog.HasDelegate) OnLog = Record<ChatKitNamedEvent>("chatkit.log");
        if (!OnToolChange.HasDelegate) OnToolChange = Record<ChatKitToolChangeEvent>("chatkit.tool.change");
        if (!OnWidgetAction.HasDelegate) OnWidgetAction = Record<ChatKitWidgetActionEvent>("widgets.onAction");

        // The home page follows the open thread (its export and share menu): that callback runs as
        // the page wants and is recorded too. Set here, then the lifecycle runs with nothing more to set.
        parameters.SetParameterProperties(this);
        if (parameters.TryGetValue<EventCallback<ChatKitThreadChangeEvent>>(nameof(OnThreadChange), out var pageCallback))
        {
            OnThreadChange = new(null, (Func<ChatKitThreadChangeEvent, Task>)(async change =>
            {
                _events.Enqueue(("chatkit.thread.change", change));
                await pageCallback.InvokeAsync(change);
            }));
        }

        return base.SetParametersAsync(ParameterView.Empty);
    }

    // No receiver: recording needs no re-render.
    private EventCallback Record(string name) => new(null, (Action)(() => _events.Enqueue((name, null))));

    private EventCallback<T> Record<T>(string name) => new(null, (Action<T>)(argument => _events.Enqueue((name, argument))));
}
