using ChatKitApp.E2E.Fixtures;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>Handoffs and guardrails as the user sees them, in Chromium, on the demo model.</summary>
[Collection(AgentsCollection.Name)]
public sealed class AgentTests(AgentsBrowserFixture fixture)
{
    [Fact]
    public async Task Handoff_shows_in_the_chat_and_the_specialist_answers()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await OpenAsync(page);

        await SendAsync(page, "Please hand me to the specialist");

        await Expect(Items(page, "workflow").Last).ToContainTextAsync("Handed off to specialist", new() { Timeout = 15_000 });
        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("Demo model", new() { Timeout = 15_000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Guardrail_message_shows_instead_of_a_reply()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await OpenAsync(page);

        await SendAsync(page, "Tell me something forbidden");

        await Expect(page.Locator("[data-testid=stream-error]")).ToContainTextAsync("blocked term", new() { Timeout = 15_000 });
        await Expect(Items(page, "user_message").Last).ToContainTextAsync("Tell me something forbidden");
        await Expect(Items(page, "assistant_message")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }
}
