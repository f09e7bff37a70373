using ChatKitApp.E2E.Fixtures;
using ChatKitApp.Feedback;
using ChatKitApp.ChatKit.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>Sending, streaming, stopping, retrying, rating and typing in the offline element.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementConversationTests(ScenarioBrowserFixture fixture)
{
    [Fact]
    public async Task Sent_message_streams_a_reply_word_by_word()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);

        await chat.SendAsync("slow but steady");

        // Mid-stream: some words are shown, the last one is not there yet, and Stop is offered.
        var reply = chat.Items("assistant_message").Last;
        await Expect(reply).ToContainTextAsync("word03", new() { Timeout = ChatElementPage.Timeout });
        Assert.DoesNotContain("word60", await reply.InnerTextAsync(), StringComparison.Ordinal);
        await Expect(chat.Stop).ToBeVisibleAsync();
        await Expect(chat.Items("user_message").Last).ToHaveTextAsync("slow but steady");

        await Expect(reply).ToContainTextAsync("word60", new() { Timeout = 30_000 });
        await chat.WaitIdleAsync();
        Assert.Empty(chat.Errors);
    }

    [Fact]
    public async Task Finished_reply_at_the_bottom_stays_in_view_with_its_actions()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;

        for (var i = 1; i <= 4; i++)
        {
            await chat.SendAndWaitAsync($"Message {i}\n\nwith a second paragraph\n\nand a third one");
        }

        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        var gap = await chat.MessageList.EvaluateAsync<double>("list => list.scrollHeight - list.scrollTop - list.clientHeight");
        Assert.True(gap < 2, $"The transcript stopped {gap} px short of its end.");
        await Expect(page.Locator("[data-testid=copy-message]").Last).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    [Fact]
    public async Task Stop_mid_stream_keeps_the_partial_reply_after_reload()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;

        await chat.SendAsync("slow please");
        var reply = chat.Items("assistant_message").Last;
        await Expect(reply).ToContainTextAsync("word03", new() { Timeout = ChatElementPage.Timeout });
        var threadId = await chat.ThreadIdAsync();
        await chat.Stop.ClickAsync();

        await Expect(chat.Stop).ToBeHiddenAsync();
        await Expect(chat.Send).ToBeVisibleAsync();
        await fixture.Log.WhenCancelledAsync(threadId);
        var shown = await reply.InnerTextAsync();
        Assert.DoesNotContain("word60", shown, StringComparison.Ordinal);

        await page.ReloadAsync();
        await chat.WaitReadyAsync();
        var kept = chat.Items("assistant_message").Last;
        await Expect(kept).ToContainTextAsync("word01 word02 word03", new() { Timeout = ChatElementPage.Timeout });
        Assert.DoesNotContain("word60", await kept.InnerTextAsync(), StringComparison.Ordinal);
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["slow please"]);
    }

    [Fact]
    public async Task Retry_after_an_error_answers_the_same_message()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;

        await chat.SendAsync("fail the first time");
        var error = page.Locator("[data-testid=stream-error]");
        await Expect(error).ToBeVisibleAsync(new() { Timeout = ChatElementPage.Timeout });
        await Expect(error).ToContainTextAsync("error");
        await Expect(chat.Items("assistant_message")).ToHaveCountAsync(0);

        await page.Locator("[data-testid=error-retry]").ClickAsync();

        await Expect(chat.Items("assistant_message")).ToHaveTextAsync([ScenarioChatKitServer.RetriedReply], new() { Timeout = ChatElementPage.Timeout });
        await Expect(error).ToHaveCountAsync(0);
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["fail the first time"]);

        await page.ReloadAsync();
        await chat.WaitReadyAsync();
        await Expect(chat.AllItems).ToHaveCountAsync(2, new() { Timeout = ChatElementPage.Timeout });
        await Expect(chat.Items("assistant_message")).ToHaveTextAsync([ScenarioChatKitServer.RetriedReply]);
    }

    [Fact]
    public async Task Feedback_thumbs_up_reaches_the_server_with_the_turns_items()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await chat.SendAndWaitAsync("rate this answer");
        var threadId = await chat.ThreadIdAsync();
        var reply = chat.Items("assistant_message").Last;
        var replyId = await reply.GetAttributeAsync("data-item-id");

        await reply.HoverAsync();
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("[data-testid=feedback-positive]").Last.ClickAsync(),
            r => r.Url.EndsWith("/chatkit", StringComparison.Ordinal) && (r.Request.PostData ?? "").Contains("\"items.feedback\"", StringComparison.Ordinal));

        Assert.Equal(200, response.Status);
        var entries = await fixture.App.Services.GetRequiredService<IFeedbackStore>()
            .ListAsync((await ScenarioBrowserFixture.UserOfAsync(page)).UserId, threadId, CancellationToken.None);
        var entry = Assert.Single(entries);
        Assert.Equal(FeedbackKind.Positive, entry.Kind);
        Assert.Contains(replyId, entry.ItemIds);
        await Expect(page.Locator("[data-testid=feedback-positive]").Last).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task Fetch_updates_answered_after_a_response_started_leaves_the_streaming_reply()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await chat.SendAndWaitAsync("before the refresh");
        var threadId = await chat.ThreadIdAsync();
        var gate = await ChatKitRequestGate.InstallAsync(page, "items.list");
        await page.EvaluateAsync("() => { window.__fetched = document.querySelector('openai-chatkit').fetchUpdates(); }");
        await gate.WhenHeldAsync();

        await chat.SendAsync("slow while refreshing");
        var reply = chat.Items("assistant_message").Last;
        await Expect(reply).ToContainTextAsync("word02", new() { Timeout = ChatElementPage.Timeout });
        gate.Release();
        await page.EvaluateAsync("() => window.__fetched");

        // Still mid-stream: the reply being written is on screen and keeps growing.
        await Expect(chat.Stop).ToBeVisibleAsync();
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["before the refresh", "slow while refreshing"]);
        await Expect(chat.Items("assistant_message")).ToHaveCountAsync(2, new() { Timeout = 3_000 });
        await Expect(reply).ToContainTextAsync("word01 word02");
        await chat.Stop.ClickAsync();
        await fixture.Log.WhenCancelledAsync(threadId);
    }

    [Fact]
    public async Task Fetch_updates_keeps_the_feedback_already_given()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await chat.SendAndWaitAsync("rate, then refresh");
        var thumb = page.Locator("[data-testid=feedback-positive]").Last;
        await chat.Items("assistant_message").Last.HoverAsync();
        await page.RunAndWaitForResponseAsync(() => thumb.ClickAsync(), r => ChatKitRequestGate.IsRequestOf(r.Request, "items.feedback"));

        await page.EvaluateAsync("() => document.querySelector('openai-chatkit').fetchUpdates()");

        await Expect(chat.Items("assistant_message")).ToHaveTextAsync(["You said: rate, then refresh"]);
        await Expect(thumb).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task Keyboard_only_send_tabs_to_the_composer_and_sends_with_Enter()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await page.Locator("body").FocusAsync();

        string? focused = null;
        for (var presses = 0; presses < 40 && focused != "composer-input"; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string?>(
                "() => { let e = document.activeElement; while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement; return e?.dataset?.testid ?? null; }");
        }

        Assert.Equal("composer-input", focused);
        await page.Keyboard.TypeAsync("Typed without a mouse");
        await page.Keyboard.PressAsync("Enter");

        await Expect(chat.Items("user_message")).ToHaveTextAsync(["Typed without a mouse"], new() { Timeout = ChatElementPage.Timeout });
        await Expect(chat.Items("assistant_message")).ToHaveTextAsync(["You said: Typed without a mouse"], new() { Timeout = ChatElementPage.Timeout });
        await Expect(chat.Input).ToHaveValueAsync("");
    }

    /// <summary>
    /// A response whose items carry values no well-behaved server sends: a widget colour with a
    /// newline, a widget type named like an Object member, a task source whose title is an object
    /// holding markup. Served by the browser's network layer, so no server code shapes them.
    /// </summary>
    private static readonly string OddStream = string.Concat(new[]
    {
        """{"type":"thread.created","thread":{"id":"thr_odd","title":null,"created_at":"2026-01-01T00:00:00Z","status":{"type":"active"},"metadata":{}}}""",
        """{"type":"thread.item.done","item":{"type":"user_message","id":"msg_u","thread_id":"thr_odd","created_at":"2026-01-01T00:00:00Z","content":[{"type":"input_text","text":"odd values"}],"attachments":[],"inference_options":{}}}""",
        """{"type":"thread.item.done","item":{"type":"widget","id":"wid_odd","thread_id":"thr_odd","created_at":"2026-01-01T00:00:01Z","widget":{"type":"Card","children":[{"type":"Badge","label":"odd badge","color":"danger\n"},{"type":"constructor"}]}}}""",
        """{"type":"thread.item.done","item":{"type":"task","id":"tsk_odd","thread_id":"thr_odd","created_at":"2026-01-01T00:00:02Z","task":{"type":"custom","title":"Looked it up","sources":[{"type":"file","title":{"innerHTML":"<img src=x onerror=\"window.__pwned = 1\">"}}]}}}""",
        """{"type":"thread.item.done","item":{"type":"assistant_message","id":"msg_a","thread_id":"thr_odd","created_at":"2026-01-01T00:00:03Z","content":[{"type":"output_text","text":"After the odd items.","annotations":[]}]}}""",
    }.Select(json => $"data: {json}\n\n"));

    [Fact]
    public async Task Odd_server_values_render_as_text_and_the_response_still_ends()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        await ChatElementPage.ServeThreadsCreateAsync(page, OddStream);
        await chat.OpenAsync();

        await chat.SendAsync("odd values");

        await Expect(chat.Items("assistant_message").Last).ToHaveTextAsync("After the odd items.", new() { Timeout = ChatElementPage.Timeout });
        await chat.WaitIdleAsync();
        await Expect(page.Locator(".w-badge")).ToHaveTextAsync("odd badge");
        await Expect(page.Locator(".task-sources li")).ToHaveTextAsync("[object Object]");
        await Expect(page.Locator("[data-testid=thread-item] img")).ToHaveCountAsync(0);
        await chat.Input.FillAsync("the composer works again");
        await Expect(chat.Send).ToBeEnabledAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => window.__pwned === 1"));
    }

    /// <summary>A response with the server's keep-alive comments before, between and after its events.</summary>
    private static readonly string KeptAliveStream = ": keep-alive\n\n" + string.Join(": keep-alive\n\n", new[]
    {
        """{"type":"thread.created","thread":{"id":"thr_kept","title":null,"created_at":"2026-01-01T00:00:00Z","status":{"type":"active"},"metadata":{}}}""",
        """{"type":"thread.item.done","item":{"type":"user_message","id":"msg_u","thread_id":"thr_kept","created_at":"2026-01-01T00:00:00Z","content":[{"type":"input_text","text":"slow model"}],"attachments":[],"inference_options":{}}}""",
        """{"type":"thread.item.done","item":{"type":"assistant_message","id":"msg_a","thread_id":"thr_kept","created_at":"2026-01-01T00:00:01Z","content":[{"type":"output_text","text":"Worth the wait.","annotations":[]}]}}""",
    }.Select(json => $"data: {json}\n\n")) + ": keep-alive\n\n";

    [Fact]
    public async Task Keep_alive_comments_in_a_stream_are_ignored()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        await chat.RecordEventsAsync();
        await ChatElementPage.ServeThreadsCreateAsync(page, KeptAliveStream);
        await chat.OpenAsync();

        await chat.SendAsync("slow model");

        await Expect(chat.Items("assistant_message")).ToHaveTextAsync(["Worth the wait."], new() { Timeout = ChatElementPage.Timeout });
        await chat.WaitIdleAsync();
        Assert.DoesNotContain("chatkit.log", await chat.EventNamesAsync()); // no malformed-event report
        Assert.DoesNotContain("chatkit.error", await chat.EventNamesAsync());
    }

    [Fact]
    public async Task Xss_payloads_in_user_and_model_text_render_as_text()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await chat.OpenAsync();

        const string payload = "<img src=x onerror=alert(1)>";
        await chat.SendAndWaitAsync(payload);
        await chat.SendAndWaitAsync("xss reply please");

        await Expect(chat.Items("user_message").First).ToHaveTextAsync(payload);
        await Expect(chat.Items("assistant_message").First).ToHaveTextAsync("You said: " + payload);
        var modelReply = chat.Items("assistant_message").Last;
        await Expect(modelReply).ToContainTextAsync("Model says <img src=x onerror=alert(1)> and <script>alert(2)</script>");
        await Expect(page.Locator("[data-testid=thread-item] img")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=thread-item] script")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=thread-item] [onerror]")).ToHaveCountAsync(0);

        var docs = modelReply.Locator("a", new() { HasText = "the docs" });
        await Expect(docs).ToHaveAttributeAsync("href", "https://example.com/docs");
        await Expect(docs).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Expect(docs).ToHaveAttributeAsync("target", "_blank");
        await Expect(page.Locator("[data-testid=thread-item] a[href^='javascript:' i]")).ToHaveCountAsync(0);

        // Give a would-be handler the chance to run before concluding none did.
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))");
        Assert.Empty(dialogs);
        Assert.Empty(chat.Errors);
    }
}
