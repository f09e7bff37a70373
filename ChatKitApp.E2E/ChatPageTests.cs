using ChatKitApp.Agents.Turn;
using ChatKitApp.Agents.Tools;
using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ChatPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Home_loads_the_local_element_and_streams_a_reply()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;

        await page.GotoAsync("/");
        await Expect(page.Locator("[data-testid=chatkit-panel]")).ToHaveAttributeAsync("data-state", "Ready", new() { Timeout = 20_000 });
        await Expect(page.Locator("[data-testid=chatkit-panel]")).ToHaveAttributeAsync("data-chatkit-source", "local");

        await SendAsync(page, "Hello from Playwright");

        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("Hello from Playwright", new() { Timeout = 15_000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Reload_reopens_the_same_thread()
    {
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;
        await page.GotoAsync("/");
        await SendAsync(page, "Remember this thread");
        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("Remember this thread", new() { Timeout = 15_000 });

        await page.ReloadAsync();

        await Expect(Items(page, "user_message").First).ToContainTextAsync("Remember this thread", new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task Ask_on_an_article_sends_the_selection_as_quoted_text_with_page_context()
    {
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/chatkit", StringComparison.Ordinal) && request.PostData is { } body)
            {
                requests.Add(body);
            }
        };

        await page.GotoAsync("/articles/storing-chats-in-postgresql");
        await Expect(page.Locator("[data-testid=chatkit-panel]")).ToHaveAttributeAsync("data-state", "Ready", new() { Timeout = 20_000 });
        var paragraph = page.Locator("[data-testid=article] p").Nth(1);
        await paragraph.SelectTextAsync();
        await page.Locator("[data-testid=ask-selection]").ClickAsync();

        await Expect(page.Locator("[data-testid=composer-reply]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=composer-input]").FillAsync("What does this mean?");
        await page.Locator("[data-testid=composer-input]").PressAsync("Enter");
        var reply = Items(page, "assistant_message").Last;
        await Expect(reply).ToContainTextAsync("Storing chats in PostgreSQL · ChatKitApp", new() { Timeout = 15_000 });

        // The demo model describes what reached it: the page title from metadata.page (via the
        // system prompt) and the quoted passage, so both made it through the server to the model.
        var selected = (await paragraph.TextContentAsync())!.Trim();
        await Expect(reply).ToContainTextAsync(selected[..40]);
        var create = requests.Single(r => r.Contains("\"threads.create\"", StringComparison.Ordinal));
        using var json = System.Text.Json.JsonDocument.Parse(create);
        var root = json.RootElement;
        Assert.Equal(selected, root.GetProperty("params").GetProperty("input").GetProperty("quoted_text").GetString());
        var pageContext = root.GetProperty("metadata").GetProperty("page");
        Assert.Equal("Storing chats in PostgreSQL · ChatKitApp", pageContext.GetProperty("title").GetString());
        Assert.Equal("/articles/storing-chats-in-postgresql", pageContext.GetProperty("path").GetString());
        Assert.Contains("Storing chats in PostgreSQL", pageContext.GetProperty("headings").EnumerateArray().Select(h => h.GetString()));
        var browserZone = await page.EvaluateAsync<string>("Intl.DateTimeFormat().resolvedOptions().timeZone");
        Assert.Equal(browserZone, root.GetProperty("metadata").GetProperty("time_zone").GetString()); // for the date/time tool
    }

    [Fact]
    public async Task A_long_asked_selection_reaches_the_server_cut_to_the_servers_cap()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var __ = context;
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/chatkit", StringComparison.Ordinal) && request.PostData is { } body)
            {
                requests.Add(body);
            }
        };
        await page.GotoAsync("/articles/storing-chats-in-postgresql");
        await Expect(page.Locator("[data-testid=chatkit-panel]")).ToHaveAttributeAsync("data-state", "Ready", new() { Timeout = 20_000 });
        await page.EvaluateAsync("""
            n => {
              const p = document.createElement('p');
              p.dataset.testid = 'long-passage';
              p.textContent = 'word '.repeat(n);
              document.querySelector('[data-testid=article]').append(p);
            }
            """, PageContext.MaxSelectionLength); // five times the cap

        await page.Locator("[data-testid=long-passage]").SelectTextAsync();
        await page.Locator("[data-testid=ask-selection]").ClickAsync();
        await Expect(page.Locator("[data-testid=composer-reply]")).ToBeVisibleAsync(); // the panel took the ask
        await page.Locator("[data-testid=composer-input]").FillAsync("What does this mean?");
        await page.Locator("[data-testid=composer-input]").PressAsync("Enter");
        await Expect(Items(page, "assistant_message").Last).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // The browser cuts as the server does, to the server's cap (ChatKitPanel sends it).
        var create = requests.Single(r => r.Contains("\"threads.create\"", StringComparison.Ordinal));
        using var json = System.Text.Json.JsonDocument.Parse(create);
        var selection = json.RootElement.GetProperty("metadata").GetProperty(BrowserMetadata.PageKey).GetProperty("selection").GetString()!;
        Assert.Equal(PageContext.MaxSelectionLength, selection.Length);
        Assert.EndsWith("…", selection, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_selection_asked_while_an_answer_streams_reaches_the_server_with_the_next_question()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var __ = context;
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/chatkit", StringComparison.Ordinal) && request.PostData is { } body)
            {
                requests.Add(body);
            }
        };
        await OpenAsync(page, "/articles/storing-chats-in-postgresql");
        var paragraph = page.Locator("[data-testid=article] p").Nth(1);
        var selected = (await paragraph.TextContentAsync())!.Trim();
        // The first answer is held in flight while the user asks about a passage.
        var gate = await ChatKitRequestGate.InstallAsync(page, "threads.create");
        await SendAsync(page, "Hello there");
        await gate.WhenHeldAsync();

        await paragraph.SelectTextAsync();
        await page.Locator("[data-testid=ask-selection]").ClickAsync();
        await Expect(page.Locator("[data-testid=composer-reply]")).ToBeVisibleAsync();
        gate.Release();
        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("Hello there", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("copy-message")).ToBeVisibleAsync(); // shown once the answer has ended
        await page.Locator("[data-testid=composer-input]").FillAsync("What does this mean?");
        await page.Locator("[data-testid=composer-input]").PressAsync("Enter");
        await Expect(Items(page, "user_message")).ToHaveCountAsync(2, new() { Timeout = 15_000 });

        // The end of the answer that was streaming when the user asked did not drop the selection.
        var question = requests.Single(r => r.Contains("\"threads.add_user_message\"", StringComparison.Ordinal));
        using var json = System.Text.Json.JsonDocument.Parse(question);
        Assert.Equal(selected, json.RootElement.GetProperty("metadata").GetProperty(BrowserMetadata.PageKey).GetProperty("selection").GetString());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_browser_implements_exactly_the_client_tools_the_server_declares()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var __ = context;
        await page.GotoAsync("/");
        await Expect(page.Locator("[data-testid=chatkit-panel]")).ToHaveAttributeAsync("data-state", "Ready", new() { Timeout = 20_000 });
        var declared = new ClientToolRegistry().Declarations.Select(d => d.Name).ToArray();

        var mismatch = await page.EvaluateAsync<System.Text.Json.JsonElement>(
            "declared => import('/js/chatkit-panel/client-tools.js').then(m => m.mismatchWith(declared))", declared);

        Assert.Empty(mismatch.GetProperty("missing").EnumerateArray());
        Assert.Empty(mismatch.GetProperty("undeclared").EnumerateArray());
        Assert.Empty(errors); // the panel reports a difference as a console error
    }

    [Fact]
    public async Task A_remembered_thread_that_no_longer_exists_opens_a_new_chat_without_an_error()
    {
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;
        await page.GotoAsync("/");
        await SendAsync(page, "A thread to delete behind the page's back");
        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("behind the page", new() { Timeout = 15_000 });
        var deleted = await RememberedThreadAsync(page);
        var status = await page.EvaluateAsync<int>($$"""
            fetch('/chatkit', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                body: JSON.stringify({ type: 'threads.delete', params: { thread_id: '{{deleted}}' } }) })
              .then(r => r.status)
            """);
        Assert.Equal(200, status);

        await page.ReloadAsync();

        await Expect(page.Locator("[data-testid=chatkit-panel]")).ToHaveAttributeAsync("data-state", "Ready", new() { Timeout = 20_000 });
        await Expect(page.Locator("[data-testid=start-prompt]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=error-banner]")).ToBeHiddenAsync();
        await SendAsync(page, "A fresh start");
        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("A fresh start", new() { Timeout = 15_000 });
        Assert.NotEqual(deleted, await RememberedThreadAsync(page, deleted));
    }

    [Fact]
    public async Task The_set_theme_client_tool_switches_the_page_to_dark()
    {
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;
        await page.AddInitScriptAsync("localStorage.setItem('app.theme', 'light')");
        await page.GotoAsync("/");

        await SendAsync(page, "theme dark");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark", new() { Timeout = 15_000 });
        await Expect(Items(page, "client_tool_call").Last).ToBeAttachedAsync();
    }
}
