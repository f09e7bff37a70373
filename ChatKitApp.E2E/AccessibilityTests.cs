using ChatKitApp.E2E.Fixtures;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>Axe on every page people reach, in both themes: no serious or critical violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Axe_finds_no_serious_or_critical_violations_on_any_page(string theme)
    {
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;
        await page.AddInitScriptAsync($"localStorage.setItem('app.theme', '{theme}')");
        var found = new List<string>();

        foreach (var path in new[] { "/", "/articles", "/articles/what-is-chatkit", "/account/login", "/account/register", "/articles/unknown-slug" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", theme);
            if (await page.GetByTestId("chatkit-panel").CountAsync() > 0)
            {
                await WaitReadyAsync(page);
                await Expect(page.Locator("[data-testid=composer-input]")).ToBeVisibleAsync();
            }

            found.AddRange(await SeriousViolationsAsync(page, path));
        }

        // A conversation with the history panel open.
        await OpenAsync(page, "/");
        await SendAsync(page, "Hello, **bold** and `code`");
        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("Try", new() { Timeout = 15_000 });
        await page.GetByTestId("history-toggle").ClickAsync();
        await Expect(page.GetByTestId("history-entry").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        found.AddRange(await SeriousViolationsAsync(page, "/ with history open"));

        Assert.True(found.Count == 0, $"Axe ({theme} theme):\n{string.Join('\n', found)}");
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violations_on_an_article_scrolling_in_its_column()
    {
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;
        await page.SetViewportSizeAsync(1280, 560);
        await OpenAsync(page, "/articles/what-is-chatkit");
        var article = page.GetByTestId("article");
        Assert.True(await article.EvaluateAsync<bool>("e => e.scrollHeight > e.clientHeight"), "The article does not scroll in its column.");

        var found = (await SeriousViolationsAsync(page, "article")).ToList();

        Assert.True(found.Count == 0, $"Axe:\n{string.Join('\n', found)}");
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violations_on_the_operator_view_in_both_themes()
    {
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;
        // Something to show: a rated turn.
        await OpenAsync(page, "/");
        await SendAsync(page, "Something to rate");
        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("Something to rate", new() { Timeout = 15_000 });
        // The pressed thumb shows before the server has the rating; leaving the page then aborts the
        // request and the operator view has nothing to show. The rating is held in flight to make
        // that moment certain, and the test leaves only once the server has answered.
        var rating = await ChatKitRequestGate.InstallAsync(page, "items.feedback");
        await page.GetByTestId("feedback-negative").Last.ClickAsync();
        await rating.WhenHeldAsync();
        await Expect(page.GetByTestId("feedback-negative").Last).ToHaveAttributeAsync("aria-pressed", "true");
        var stored = page.WaitForResponseAsync(r => ChatKitRequestGate.IsRequestOf(r.Request, "items.feedback"));
        rating.Release();
        Assert.True((await stored).Ok, "The rating was not stored.");
        await page.GotoAsync("/account/register");
        await page.GetByTestId("email").FillAsync(BrowserFixture.AdminEmail);
        await page.GetByTestId("password").FillAsync("a long enough password");
        await page.GetByTestId("submit").ClickAsync();
        await Expect(page.GetByTestId("account-name")).ToHaveTextAsync(BrowserFixture.AdminEmail, new() { Timeout = 15_000 });
        var found = new List<string>();

        foreach (var theme in new[] { "light", "dark" })
        {
            await page.EvaluateAsync($"() => localStorage.setItem('app.theme', '{theme}')");
            await page.GotoAsync("/admin");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", theme);
            await Expect(page.GetByTestId("admin-rating").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("admin-days")).ToBeVisibleAsync();
            found.AddRange(await SeriousViolationsAsync(page, $"/admin ({theme})"));
        }

        Assert.True(found.Count == 0, $"Axe:\n{string.Join('\n', found)}");
    }

    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(n => $"{where}: {v.Impact} {v.Id}: {v.Help} at {n.Target} ({n.Html})"));
    }
}
