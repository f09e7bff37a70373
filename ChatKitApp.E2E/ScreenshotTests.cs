using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>Pictures of the pages people see, in both themes, kept with the test output for review.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/", "home")]
    [InlineData("/articles/what-is-chatkit", "article")]
    public async Task Pages_render_in_light_and_dark(string path, string name)
    {
        Directory.CreateDirectory(Screenshots.Folder);
        foreach (var theme in new[] { "light", "dark" })
        {
            var (context, page, errors) = await fixture.NewPageAsync();
            await using var _ = context;
            await page.AddInitScriptAsync($"localStorage.setItem('app.theme', '{theme}')");

            await page.GotoAsync(path);
            await Expect(page.Locator("[data-testid=chatkit-panel]")).ToHaveAttributeAsync("data-state", "Ready", new() { Timeout = 20_000 });
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", theme);
            await Expect(page.Locator("[data-testid=composer-input]")).ToBeVisibleAsync();

            var file = Path.Combine(Screenshots.Folder, $"{name}-{theme}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = false });
            Assert.True(new FileInfo(file).Length > 10_000);
            Assert.Empty(errors);
        }
    }
}
