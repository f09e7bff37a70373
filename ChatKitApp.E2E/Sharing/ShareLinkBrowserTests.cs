using System.Text.RegularExpressions;
using ChatKitApp.E2E.Fixtures;
using Deque.AxeCore.Playwright;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Sharing;

/// <summary>The home page's export and share menu, and a shared link read in a browser that never signed in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShareLinkBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Shared_link_opens_in_a_fresh_browser_context_with_the_transcript_and_no_axe_violations()
    {
        var (owner, page, _) = await fixture.NewPageAsync();
        await using var __ = owner;
        await OpenAsync(page, "/");
        await SendAsync(page, "Plan a picnic by the lake");
        // The rating buttons show when the response has ended, so the reply is stored; the title
        // can arrive before the reply does.
        await Expect(page.GetByTestId("feedback-positive").Last).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page).ToHaveTitleAsync(new Regex("^Plan a picnic"), new() { Timeout = 15_000 });

        await page.GetByTestId("chat-thread-menu-toggle").ClickAsync();
        await page.GetByTestId("share-create").ClickAsync();
        var link = page.GetByTestId("share-link");
        await Expect(link).ToHaveValueAsync(new Regex("/share/[A-Za-z0-9_-]{22}$"), new() { Timeout = 15_000 });
        var url = await link.InputValueAsync();

        // Another browser: no cookie, no storage, never saw the app.
        var (reader, readerPage, readerErrors) = await fixture.NewPageAsync();
        await using var ___ = reader;
        var response = await readerPage.GotoAsync(url);

        Assert.Equal(200, response!.Status);
        Assert.Equal("noindex, nofollow", await response.HeaderValueAsync("x-robots-tag"));
        await Expect(readerPage.GetByTestId("shared-chat")).ToContainTextAsync("Plan a picnic by the lake");
        await Expect(readerPage.Locator("[data-testid=shared-entry][data-role=assistant]")).ToContainTextAsync("Demo model");
        await Expect(readerPage.Locator("meta[name=robots]")).ToHaveAttributeAsync("content", "noindex, nofollow");
        var serious = await SeriousViolationsAsync(readerPage, "shared page, light");
        await readerPage.EvaluateAsync("() => localStorage.setItem('app.theme', 'dark')");
        await readerPage.ReloadAsync();
        await Expect(readerPage.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");
        serious.AddRange(await SeriousViolationsAsync(readerPage, "shared page, dark"));
        serious.AddRange(await SeriousViolationsAsync(page, "home page with the share menu open"));
        Assert.True(serious.Count == 0, "Axe:\n" + string.Join('\n', serious));
        Assert.Empty(readerErrors);

        // Stop sharing: the reader's next visit finds nothing.
        await page.GetByTestId("share-revoke").ClickAsync();
        await Expect(page.GetByTestId("share-status")).ToContainTextAsync("no longer works");
        Assert.Equal(404, (await readerPage.GotoAsync(url))!.Status);
    }

    [Fact]
    public async Task Export_menu_downloads_the_open_thread_as_markdown()
    {
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;
        await OpenAsync(page, "/");
        await SendAsync(page, "Something worth keeping");
        await Expect(page.GetByTestId("feedback-positive").Last).ToBeVisibleAsync(new() { Timeout = 15_000 }); // the reply has ended
        await page.GetByTestId("chat-thread-menu-toggle").ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-markdown").ClickAsync());

        Assert.EndsWith(".md", download.SuggestedFilename, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Something worth keeping", text, StringComparison.Ordinal);
        Assert.Contains("## Assistant · ", text, StringComparison.Ordinal);
    }

    private static async Task<List<string>> SeriousViolationsAsync(Microsoft.Playwright.IPage page, string where) =>
        [.. (await page.RunAxe()).Violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(n => $"{where}: {v.Impact} {v.Id}: {v.Help} at {n.Target} ({n.Html})"))];
}
