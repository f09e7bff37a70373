using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>What the demo model's answers look like in the chat.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoWordingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Time_answer_reads_as_a_clock_and_its_instant_step_claims_no_zero_seconds()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await OpenAsync(page, "/");

        await SendAsync(page, "what time is it?");

        var reply = Items(page, "assistant_message").Last;
        await Expect(reply).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"It is \d{1,2}:\d{2} (AM|PM) on \w+day, \w+ \d{1,2}, \d{4}"), new() { Timeout = 15_000 });
        await Expect(Items(page, "workflow")).ToHaveCountAsync(1);
        await Expect(Items(page, "workflow")).Not.ToContainTextAsync("0s");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Skipping_the_quiz_question_is_answered_as_skipped()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await OpenAsync(page, "/");

        await SendAsync(page, "quiz me");
        await page.GetByTestId("structured-skip").ClickAsync(new() { Timeout = 15_000 });

        var reply = Items(page, "assistant_message").Last;
        await Expect(reply).ToContainTextAsync("You skipped the question", new() { Timeout = 15_000 });
        await Expect(reply).Not.ToContainTextAsync("You chose");
        Assert.Empty(errors);
    }
}
