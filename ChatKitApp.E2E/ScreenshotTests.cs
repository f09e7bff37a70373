using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>
/// Pictures of every page and chat state people see, light and dark on a desktop and light on a
/// 390 px phone, kept with the test output (screenshots/NAME-VARIANT.png) for review.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("light", 1280, 860, "light")]
    [InlineData("dark", 1280, 860, "dark")]
    [InlineData("light", 390, 844, "390")]
    public async Task Every_page_and_chat_state_is_pictured(string theme, int width, int height, string variant)
    {
        Directory.CreateDirectory(Screenshots.Folder);
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await page.SetViewportSizeAsync(width, height);
        await page.AddInitScriptAsync($"localStorage.setItem('app.theme', '{theme}')");
        var shots = new List<string>();
        async Task ShootAsync(string name)
        {
            // Let the frame-coalesced renderer settle before the picture is taken.
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            var file = Path.Combine(Screenshots.Folder, $"{name}-{variant}.png");
            await page.ScreenshotAsync(new() { Path = file });
            shots.Add(file);
        }

        await OpenAsync(page, "/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", theme);
        await Expect(page.GetByTestId("start-prompt").First).ToBeVisibleAsync();
        await ShootAsync("home");

        await SendAsync(page, "search articles about streaming");
        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("article search", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("stop")).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await ShootAsync("conversation-tool-citations");

        await page.GetByTestId("history-toggle").ClickAsync();
        await Expect(page.GetByTestId("history-entry").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await ShootAsync("history-open");
        await page.GetByTestId("history-toggle").ClickAsync();

        // A proxy in front of the app answers with its own HTML error page.
        await page.RouteAsync("**/chatkit", route => route.Request.Method == "POST"
            ? route.FulfillAsync(new() { Status = 502, ContentType = "text/html", Body = "<html><body><h1>502 Bad Gateway</h1></body></html>" })
            : route.ContinueAsync());
        await SendAsync(page, "This one meets a broken proxy");
        await Expect(page.Locator("[data-testid=error-banner]:visible, [data-testid=stream-error]:visible, [data-testid=notice]:visible").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await ShootAsync("error");
        await page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });

        await OpenAsync(page, "/articles/what-is-chatkit");
        var paragraph = page.Locator("[data-testid=article] p").Nth(1);
        await paragraph.SelectTextAsync();
        await page.GetByTestId("ask-selection").ClickAsync();
        await Expect(page.GetByTestId("composer-reply")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("send")).ToBeInViewportAsync(new() { Ratio = 1 }); // after the smooth scroll to the chat
        await ShootAsync("article-ask");

        foreach (var (path, name) in new[] { ("/account/login", "sign-in"), ("/account/register", "register"), ("/articles/unknown-slug", "not-found") })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await ShootAsync(name);
        }

        Assert.Equal(8, shots.Count);
        Assert.All(shots, file => Assert.True(new FileInfo(file).Length > 10_000, file));
        // The 404 page and the broken proxy are the only failed loads.
        Assert.DoesNotContain(errors, e => !e.Contains("404", StringComparison.Ordinal) && !e.Contains("502", StringComparison.Ordinal));
    }
}
