using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>Accounts in the browser: a guest's chat moves into the account and comes back after signing in again.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_guest_registers_keeps_the_thread_signs_out_and_finds_it_again_after_signing_in()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        var email = $"e2e-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("/");
        await SendAsync(page, "A guest thread to keep");
        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("A guest thread to keep", new() { Timeout = 15_000 });

        await page.GetByTestId("register-nav-link").ClickAsync();
        await FillAsync(page, email, "a long enough password");
        await Expect(page.GetByTestId("account-name")).ToHaveTextAsync(email, new() { Timeout = 15_000 });
        await page.GotoAsync("/");
        await Expect(Items(page, "user_message").First).ToContainTextAsync("A guest thread to keep", new() { Timeout = 15_000 });

        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page.GetByTestId("sign-in-link")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Empty(await InPageChatKit.ThreadIdsAsync(page)); // a new guest: nothing of the account's

        await page.GetByTestId("sign-in-link").ClickAsync();
        await FillAsync(page, email, "a long enough password");
        await Expect(page.GetByTestId("account-name")).ToHaveTextAsync(email, new() { Timeout = 15_000 });
        Assert.Single(await InPageChatKit.ThreadIdsAsync(page));
        // The guest in between forgot the open thread, so it is found where a user would look: the history.
        await page.GotoAsync("/");
        await Expect(page.Locator("[data-testid=chatkit-panel]")).ToHaveAttributeAsync("data-state", "Ready", new() { Timeout = 20_000 });
        await page.GetByTestId("history-toggle").ClickAsync();
        await Expect(page.GetByTestId("history-entry")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await page.GetByTestId("history-entry").Locator(".history-entry-main").ClickAsync();
        await Expect(Items(page, "user_message").First).ToContainTextAsync("A guest thread to keep", new() { Timeout = 15_000 });
        Assert.True(errors.Count == 0, "Browser errors:\n" + string.Join('\n', errors));
    }

    private static async Task FillAsync(IPage page, string email, string password)
    {
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("submit").ClickAsync();
    }
}
