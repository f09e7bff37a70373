using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;

namespace ChatKitApp.E2E;

[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Home_page_renders_in_headless_chromium()
    {
        var page = await fixture.Browser.NewPageAsync();
        var response = await page.GotoAsync(fixture.BaseUrl + "/");

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator(".app-brand")).ToHaveTextAsync("◆ ChatKitApp");
        await Assertions.Expect(page).ToHaveTitleAsync("ChatKitApp");
    }
}
