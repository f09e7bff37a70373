using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>How the panel gets its element: the CDN when it answers, ours when it does not.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CdnLoadingTests(BrowserFixture fixture)
{
    // A loopback port nothing listens on: the script load fails at once, as it does offline.
    private const string UnreachableCdn = "http://127.0.0.1:9/chatkit.js";
    private const string FakeCdn = "http://127.0.0.1:9/fake-cdn/chatkit.js";

    [Fact]
    public async Task Auto_falls_back_to_the_local_element_when_the_cdn_is_unreachable()
    {
        await using var app = new KestrelAppFactory(new() { ["ChatKit:Frontend:Source"] = "Auto", ["ChatKit:Frontend:CdnUrl"] = UnreachableCdn, ["ChatKit:Frontend:LoadTimeoutMs"] = "5000" });
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;

        var started = DateTime.UtcNow;
        await page.GotoAsync(app.BaseUrl + "/");

        var panel = page.Locator("[data-testid=chatkit-panel]");
        await Expect(panel).ToHaveAttributeAsync("data-chatkit-source", "local", new() { Timeout = 15_000 });
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(12), "the fallback must not wait much past the load timeout");
        await Expect(page.Locator("[data-testid=composer-input]")).ToBeVisibleAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("document.querySelectorAll('script[data-chatkit-cdn]').length"));
    }

    [Fact]
    public async Task Auto_waits_for_a_cdn_script_that_defines_the_element_late_and_loads_nothing_else()
    {
        await using var app = new KestrelAppFactory(new() { ["ChatKit:Frontend:Source"] = "Auto", ["ChatKit:Frontend:CdnUrl"] = FakeCdn, ["ChatKit:Frontend:LoadTimeoutMs"] = "5000" });
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;
        var localRequests = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/chatkit/chatkit.js", StringComparison.Ordinal))
            {
                localRequests++;
            }
        };
        await page.RouteAsync(FakeCdn, route => route.FulfillAsync(new()
        {
            ContentType = "text/javascript",
            Body = """
                setTimeout(() => customElements.define('openai-chatkit', class extends HTMLElement {
                  setOptions(options) { this.textContent = 'fake cdn element'; this.dataset.domainKey = options.api.domainKey; }
                  setComposerValue() {}
                  focusComposer() {}
                }), 800);
                """,
        }));

        await page.GotoAsync(app.BaseUrl + "/");

        var panel = page.Locator("[data-testid=chatkit-panel]");
        await Expect(panel).ToHaveAttributeAsync("data-chatkit-source", "cdn", new() { Timeout = 15_000 });
        await Expect(page.Locator("openai-chatkit")).ToHaveTextAsync("fake cdn element");
        await Expect(page.Locator("openai-chatkit")).ToHaveAttributeAsync("data-domain-key", "local-dev");
        Assert.Equal(0, localRequests);
    }

    [Fact]
    public async Task Cdn_only_shows_an_error_with_a_retry_button_when_it_cannot_load()
    {
        await using var app = new KestrelAppFactory(new() { ["ChatKit:Frontend:Source"] = "Cdn", ["ChatKit:Frontend:CdnUrl"] = UnreachableCdn, ["ChatKit:Frontend:LoadTimeoutMs"] = "2000" });
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;

        await page.GotoAsync(app.BaseUrl + "/");

        var panel = page.Locator("[data-testid=chatkit-panel]");
        await Expect(panel).ToHaveAttributeAsync("data-state", "Failed", new() { Timeout = 15_000 });
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Try again" })).ToBeVisibleAsync();
    }
}
