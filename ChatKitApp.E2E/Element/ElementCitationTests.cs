using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>Footnote markers and source pills of a reply with citations (the demo model's article search).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ElementCitationTests(BrowserFixture fixture)
{
    /// <summary>For each source pill: how many lines its host name takes (a text range has one box per line).</summary>
    private const string HostLinesJs = """
        () => [...document.querySelector('openai-chatkit').shadowRoot.querySelectorAll('[data-testid=source-link] .source-host')].map((host) => {
          const range = document.createRange();
          range.selectNodeContents(host);
          return range.getClientRects().length;
        })
        """;

    [Fact]
    public async Task Search_reply_keeps_its_italic_line_and_numbers_its_markers_in_ascending_order()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var reply = await SearchAsync(chat);

        var markdown = reply.Locator(".markdown").First;
        var markers = await markdown.Locator("sup.footnote").AllTextContentsAsync();
        var text = await markdown.TextContentAsync() ?? "";

        Assert.True(markers.Count >= 2, $"Expected a marker per source, got [{string.Join(' ', markers)}]");
        Assert.Equal(markers.OrderBy(int.Parse), markers);
        Assert.DoesNotContain("*", text, StringComparison.Ordinal);
        Assert.True(await markdown.Locator("em").CountAsync() > 0, "The italic line is not italic: " + text);
    }

    [Theory]
    [InlineData(1280, 860)]
    [InlineData(390, 844)]
    public async Task Source_pills_keep_their_host_name_on_one_line(int width, int height)
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        await chat.Page.SetViewportSizeAsync(width, height);
        await chat.OpenAsync();
        await SearchAsync(chat);

        var lines = await chat.Page.EvaluateAsync<int[]>(HostLinesJs);

        Assert.NotEmpty(lines);
        Assert.All(lines, count => Assert.Equal(1, count));
    }

    /// <summary>Asks the demo model to search the articles and waits for its reply with sources.</summary>
    private static async Task<ILocator> SearchAsync(ChatElementPage chat)
    {
        await chat.SendAndWaitAsync("search articles about streaming");
        var reply = Items(chat.Page, "assistant_message").Last;
        await Expect(reply.Locator("[data-testid=source-link]").First).ToBeVisibleAsync(new() { Timeout = ChatElementPage.Timeout });
        return reply;
    }
}
