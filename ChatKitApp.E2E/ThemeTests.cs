using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>The page follows the OS theme until the user picks one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ThemeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Os_theme_change_after_a_first_visit_is_followed_when_the_user_never_chose()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await OpenAsync(page, "/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "light"); // at once, with the chat
        await Expect(page.Locator(".chatkit.dark")).ToHaveCountAsync(0);
        await page.ReloadAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "light");
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('app.theme')"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Theme_chosen_with_the_toggle_wins_over_the_os_theme()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await OpenAsync(page, "/");

        await page.Locator("[data-theme-toggle]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.ReloadAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");
        await Expect(page.Locator("[data-theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Theme_stays_after_navigating_to_another_page()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await OpenAsync(page, "/");
        await page.Locator("[data-theme-toggle]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");

        // Blazor's enhanced navigation: the new page's markup replaces the old one's.
        await page.GetByRole(AriaRole.Link, new() { Name = "Articles", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Articles");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");
        await Expect(page.Locator("[data-theme-toggle]")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Empty(errors);
    }
}
