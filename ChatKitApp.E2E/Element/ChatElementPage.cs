using System.Text.Json;
using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>
/// The home chat page as the tests drive it. Locators use the element's <c>data-testid</c> hooks;
/// Playwright's CSS engine pierces the element's open shadow root.
/// </summary>
public sealed class ChatElementPage(IPage page, IBrowserContext? context = null, List<string>? errors = null) : IAsyncDisposable
{
    /// <summary>Long enough for a cold app and browser; every wait still ends as soon as its condition holds.</summary>
    public const float Timeout = 20_000;

    public IPage Page { get; } = page;

    /// <summary>The page's console errors and uncaught exceptions (see <see cref="BrowserFixture.NewPageAsync"/>).</summary>
    public List<string> Errors { get; } = errors ?? [];

    /// <summary>A fresh browser context and page on the fixture's app; disposing the result closes them.</summary>
    public static async Task<ChatElementPage> NewAsync(BrowserFixture fixture)
    {
        var (newContext, newPage, newErrors) = await fixture.NewPageAsync();
        return new ChatElementPage(newPage, newContext, newErrors);
    }

    /// <summary><see cref="NewAsync"/>, then the chat opened on the home page.</summary>
    public static async Task<ChatElementPage> OpenNewAsync(BrowserFixture fixture)
    {
        var chat = await NewAsync(fixture);
        await chat.OpenAsync();
        return chat;
    }

    public ValueTask DisposeAsync() => context?.DisposeAsync() ?? ValueTask.CompletedTask;

    public ILocator Input => Page.Locator("[data-testid=composer-input]");

    public ILocator Send => Page.Locator("[data-testid=send]");

    public ILocator Stop => Page.Locator("[data-testid=stop]");

    public ILocator MessageList => Page.Locator("[data-testid=message-list]");

    public ILocator AllItems => Page.Locator("[data-testid=thread-item]");

    public ILocator Items(string type) => ChatUi.Items(Page, type);

    public ILocator HistoryEntry(string threadId) => Page.Locator($"[data-testid=history-entry][data-thread-id={threadId}]");

    /// <summary>Opens the chat and waits until the element shows its first view.</summary>
    public async Task OpenAsync(string path = "/")
    {
        await Page.GotoAsync(path);
        await WaitReadyAsync();
    }

    public async Task WaitReadyAsync()
    {
        await Expect(Page.Locator("[data-testid=chatkit-panel]")).ToHaveAttributeAsync("data-state", "Ready", new() { Timeout = Timeout });
        await Expect(Input).ToBeEditableAsync(new() { Timeout = Timeout });
    }

    public async Task SendAsync(string text)
    {
        await Input.FillAsync(text);
        await Input.PressAsync("Enter");
    }

    /// <summary>Sends and waits for the response to end (the composer takes input again, no Stop button).</summary>
    public async Task SendAndWaitAsync(string text)
    {
        var users = await Items("user_message").CountAsync();
        await SendAsync(text);
        await Expect(Items("user_message")).ToHaveCountAsync(users + 1, new() { Timeout = Timeout });
        await WaitIdleAsync();
    }

    public async Task WaitIdleAsync()
    {
        await Expect(Page.Locator("[data-testid=message-list]")).Not.ToHaveAttributeAsync("aria-busy", "true", new() { Timeout = Timeout });
        await Expect(Stop).ToBeHiddenAsync(new() { Timeout = Timeout });
    }

    /// <summary>
    /// Records the element's events into <c>window.__chatkitEvents</c> from before the element exists
    /// (call it before <see cref="OpenAsync"/>): the events do not bubble, but a capturing listener on
    /// the document sees them on their way down to the element.
    /// </summary>
    public Task RecordEventsAsync() => Page.AddInitScriptAsync("""
        window.__chatkitEvents = [];
        for (const name of ['chatkit.ready', 'chatkit.error', 'chatkit.effect', 'chatkit.deeplink', 'chatkit.response.start', 'chatkit.response.end',
                            'chatkit.thread.change', 'chatkit.thread.load.start', 'chatkit.thread.load.end', 'chatkit.log']) {
          document.addEventListener(name, (event) => {
            if (event.target?.localName !== 'openai-chatkit') return;
            const detail = event.detail;
            const copy = detail && detail.error instanceof Error
              ? { error: { isError: true, message: detail.error.message } }
              : JSON.parse(JSON.stringify(detail ?? null));
            window.__chatkitEvents.push({ name, detail: copy });
          }, true);
        }
        """);

    /// <summary>
    /// Changes the options the host gives the element: <paramref name="extend"/> is a JavaScript
    /// function from the host's options to the ones the element gets (call it before
    /// <see cref="OpenAsync"/>: the element class is wrapped as it is defined).
    /// </summary>
    public Task ExtendOptionsAsync(string extend) => Page.AddInitScriptAsync($$"""
        const extendOptions = {{extend}};
        const defineElement = customElements.define.bind(customElements);
        customElements.define = (name, type, options) => {
          if (name === 'openai-chatkit') {
            const setOptions = type.prototype.setOptions;
            type.prototype.setOptions = function (opts) { return setOptions.call(this, extendOptions(opts)); };
          }
          defineElement(name, type, options);
        };
        """);

    /// <summary>
    /// Answers the page's threads.create with <paramref name="events"/> (JSON stream events) from the
    /// browser's network layer, so no server code shapes them; other requests reach the app.
    /// </summary>
    public Task ServeThreadsCreateAsync(params string[] events) => ServeThreadsCreateAsync(Page, string.Concat(events.Select(json => $"data: {json}\n\n")));

    /// <summary>Answers the page's threads.create with the SSE <paramref name="body"/>; other requests reach the app.</summary>
    public static Task ServeThreadsCreateAsync(IPage page, string body) => page.RouteAsync("**/chatkit", async route =>
    {
        if ((route.Request.PostData ?? "").Contains("\"threads.create\"", StringComparison.Ordinal))
        {
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/event-stream", Body = body });
        }
        else
        {
            await route.ContinueAsync();
        }
    });

    /// <summary>The detail of the last event of that name <see cref="RecordEventsAsync"/> has seen, once it has seen <paramref name="count"/> of them.</summary>
    public async Task<JsonElement> LastEventDetailAsync(string name, int count = 1)
    {
        await Page.WaitForFunctionAsync(
            "([name, count]) => window.__chatkitEvents.filter(e => e.name === name).length >= count", new object[] { name, count }, new() { Timeout = Timeout });
        return await Page.EvaluateAsync<JsonElement>("(name) => window.__chatkitEvents.findLast(e => e.name === name).detail", name);
    }

    /// <summary>The names of the events <see cref="RecordEventsAsync"/> has seen so far, in order.</summary>
    public async Task<List<string>> EventNamesAsync() => [.. await Page.EvaluateAsync<string[]>("() => window.__chatkitEvents.map(e => e.name)")];

    /// <summary>The thread the host remembers for reloads (it follows chatkit.thread.change).</summary>
    public Task<string> ThreadIdAsync(string? other = null) => ChatUi.RememberedThreadAsync(Page, other);
}
