using ChatKitApp.ChatKit.Protocol;
using System.Text.RegularExpressions;
using ChatKitApp.E2E.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>The history panel as a panel over the conversation: focus, closing, and its day groups.</summary>
[Collection(ScenarioCollection.Name)]
public sealed partial class ElementHistoryPanelTests(ScenarioBrowserFixture fixture)
{
    /// <summary>Whether the focus (inside the element's shadow root) is in the history panel.</summary>
    private const string FocusInPanelJs =
        "() => !!document.querySelector('openai-chatkit').shadowRoot.activeElement?.closest('[data-testid=history-panel]')";

    [Fact]
    public async Task Tab_and_Shift_Tab_stay_inside_the_open_history_panel()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await chat.SendAndWaitAsync("a thread to list");
        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        await Expect(page.Locator("[data-testid=history-entry]").First).ToBeVisibleAsync(new() { Timeout = ChatElementPage.Timeout });
        await Expect(page.Locator("[data-testid=history-close]")).ToBeFocusedAsync();

        var outside = new List<string>();
        foreach (var key in Enumerable.Repeat("Tab", 8).Concat(Enumerable.Repeat("Shift+Tab", 8)))
        {
            await page.Keyboard.PressAsync(key);
            if (!await page.EvaluateAsync<bool>(FocusInPanelJs))
            {
                outside.Add(key);
            }
        }

        Assert.Empty(outside);
        await Expect(page.Locator("[data-testid=history-panel]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task History_panel_closes_on_a_click_outside_and_on_Escape_with_focus_in_the_composer()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        var panel = page.Locator("[data-testid=history-panel]");
        var toggle = page.Locator("[data-testid=history-toggle]");

        await toggle.ClickAsync();
        await Expect(panel).ToBeVisibleAsync();
        await chat.Input.ClickAsync();
        await Expect(panel).ToBeHiddenAsync();
        await Expect(chat.Input).ToBeFocusedAsync();

        await toggle.ClickAsync();
        await Expect(panel).ToBeVisibleAsync();
        await chat.Input.FocusAsync(); // focus elsewhere without a click
        await page.Keyboard.PressAsync("Escape");
        await Expect(panel).ToBeHiddenAsync();

        // The toggle still closes it (its press is not an outside click that reopens it).
        await toggle.ClickAsync();
        await Expect(panel).ToBeVisibleAsync();
        await toggle.ClickAsync();
        await Expect(panel).ToBeHiddenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task History_module_loads_only_when_the_history_is_first_opened_and_lists_threads_made_before()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        var historyModuleRequests = 0;
        page.Request += (_, request) =>
        {
            if (IsHistoryModule(request.Url))
            {
                historyModuleRequests++;
            }
        };
        await chat.OpenAsync();
        // The thread's creation (and its title) reach the chat before the panel exists.
        await chat.SendAndWaitAsync("made before the history was opened");
        Assert.Equal(0, historyModuleRequests);

        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        await Expect(page.Locator("[data-testid=history-entry]")).ToHaveCountAsync(1, new() { Timeout = ChatElementPage.Timeout });
        await Expect(page.Locator("[data-testid=history-close]")).ToBeFocusedAsync();
        Assert.Equal(1, historyModuleRequests);
    }

    [Fact]
    public async Task History_closed_again_while_its_module_loads_stays_closed_and_opens_on_the_next_press()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        var panel = page.Locator("[data-testid=history-panel]");
        var toggle = page.Locator("[data-testid=history-toggle]");
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(url => IsHistoryModule(url), async route =>
        {
            held.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });

        await toggle.ClickAsync();
        await held.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await toggle.ClickAsync(); // pressed again before the panel could open: the user changed their mind
        release.SetResult();

        // The panel arrives (its element replaces the placeholder) but stays closed.
        await Expect(panel).ToHaveCountAsync(1, new() { Timeout = ChatElementPage.Timeout });
        await Expect(panel).ToBeHiddenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");

        await toggle.ClickAsync();
        await Expect(panel).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
    }

    /// <summary>
    /// Whether a URL is the history panel's module, as the import map names it (with or without its
    /// fingerprint), and not its search box's (history-search.js).
    /// </summary>
    private static bool IsHistoryModule(string url) => HistoryModulePath().IsMatch(new Uri(url).AbsolutePath);

    [GeneratedRegex(@"/chatkit/history(\.\w+)?\.js$")]
    private static partial Regex HistoryModulePath();

    [Fact]
    public async Task History_groups_threads_by_the_day_they_started()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        var user = await ScenarioBrowserFixture.UserOfAsync(page);
        var now = DateTimeOffset.UtcNow;
        // Whole days back from now fall on that many calendar days back in the browser's time zone too.
        var started = new (string Title, DateTimeOffset CreatedAt)[]
        {
            ("Started today", now),
            ("Started yesterday", now.AddDays(-1)),
            ("Started three days ago", now.AddDays(-3)),
            ("Started last month", now.AddDays(-30)),
        };
        foreach (var (title, createdAt) in started)
        {
            var thread = new ThreadMetadata { Id = fixture.Store.GenerateThreadId(user), CreatedAt = createdAt, Title = title };
            await fixture.Store.SaveThreadAsync(thread, user, CancellationToken.None);
        }

        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        await Expect(page.Locator("[data-testid=history-entry]")).ToHaveCountAsync(4, new() { Timeout = ChatElementPage.Timeout });

        var groups = page.Locator("[data-testid=history-panel] .history-group");
        await Expect(groups).ToHaveTextAsync(["Today", "Yesterday", "Previous 7 days", "Older"]);
        foreach (var (label, title) in new[]
        {
            ("Today", "Started today"), ("Yesterday", "Started yesterday"),
            ("Previous 7 days", "Started three days ago"), ("Older", "Started last month"),
        })
        {
            await Expect(page.Locator($"[data-testid=history-panel] ul[aria-label='{label}'] [data-testid=history-entry]")).ToHaveTextAsync([new Regex(title)]);
        }
    }
}
