using ChatKitApp.E2E.Fixtures;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>Accessibility scans, themes, screenshots and the attachment picker of the chat page.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementLooksTests(ScenarioBrowserFixture fixture)
{
    /// <summary>Names the elements (light and shadow DOM) that stick out of the window on the right, if any.</summary>
    private const string WiderThanTheWindow = """
        () => {
          if (document.documentElement.scrollWidth <= innerWidth) return '';
          const all = [...document.querySelectorAll('*'), ...document.querySelector('openai-chatkit').shadowRoot.querySelectorAll('*')];
          return all.filter(e => e.getBoundingClientRect().right > innerWidth + 1)
            .map(e => `${e.localName}.${[...e.classList].join('.')}:${Math.round(e.getBoundingClientRect().right)}`).slice(0, 12).join(', ');
        }
        """;

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Axe_finds_no_serious_or_critical_violations_on_the_chat_page(string theme)
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await UseThemeAsync(page, theme);

        var startScreen = await SeriousViolationsAsync(page);

        await chat.SendAndWaitAsync("Hello, **bold** and `code`");
        await chat.SendAndWaitAsync("widget for the scan");
        await page.Locator("[data-testid=history-toggle]").ClickAsync();
        await Expect(page.Locator("[data-testid=history-entry]").First).ToBeVisibleAsync(new() { Timeout = ChatElementPage.Timeout });
        var conversation = await SeriousViolationsAsync(page);

        Assert.True(startScreen.Count == 0, $"Start screen ({theme}):\n{string.Join('\n', startScreen)}");
        Assert.True(conversation.Count == 0, $"Conversation with history open ({theme}):\n{string.Join('\n', conversation)}");
    }

    [Fact]
    public async Task Dark_theme_chosen_before_the_chat_loads_applies_to_the_chat()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        await page.AddInitScriptAsync("localStorage.setItem('app.theme', 'dark')");

        await chat.OpenAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");
        await Expect(page.Locator(".chatkit")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bdark\b"));
    }

    [Fact]
    public async Task Screenshots_of_the_chat_in_light_dark_and_narrow_layouts()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        Directory.CreateDirectory(Screenshots.Folder);

        await chat.OpenAsync();
        await Expect(page.Locator("[data-testid=start-prompt]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "chat-start-light.png") });

        await chat.SendAndWaitAsync("Show me **markdown** with `code` and a list:\n\n- one\n- two");
        await chat.SendAndWaitAsync("widget for the screenshot");
        await chat.SendAndWaitAsync("xss <b>not bold</b>");
        await Shoot(page, "chat-light.png");

        await UseThemeAsync(page, "dark");
        await Shoot(page, "chat-dark.png");

        await UseThemeAsync(page, "light");
        await page.SetViewportSizeAsync(360, 740);
        await page.ReloadAsync();
        await chat.WaitReadyAsync();
        await Expect(chat.Items("user_message").Last).ToContainTextAsync("not bold", new() { Timeout = ChatElementPage.Timeout });
        await Expect(chat.Input).ToBeInViewportAsync();
        var overflow = await page.EvaluateAsync<string>(WiderThanTheWindow);
        Assert.True(overflow.Length == 0, "The narrow layout scrolls sideways: " + overflow);
        await Shoot(page, "chat-narrow-360.png");

        foreach (var name in new[] { "chat-start-light.png", "chat-light.png", "chat-dark.png", "chat-narrow-360.png" })
        {
            Assert.True(new FileInfo(Path.Combine(Screenshots.Folder, name)).Length > 10_000, name);
        }

        Assert.Empty(chat.Errors);
    }

    [Fact]
    public async Task Attachment_picker_shows_only_when_the_options_enable_attachments()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;

        // The host enables attachments, so its element offers the picker ...
        await Expect(page.Locator("#chatkit-host [data-testid=attach], openai-chatkit [data-testid=attach]").First).ToBeVisibleAsync();

        // ... and a second element on the page, given options without attachments, does not.
        await page.EvaluateAsync("""
            () => {
              const bare = document.createElement('openai-chatkit');
              bare.id = 'bare-chat';
              document.body.append(bare);
              bare.setOptions({ api: { url: '/chatkit', domainKey: 'local-dev' } });
            }
            """);
        var bare = page.Locator("#bare-chat");
        await Expect(bare.Locator("[data-testid=composer-input]")).ToBeVisibleAsync();
        await Expect(bare.Locator("[data-testid=attach]")).ToHaveCountAsync(1);
        await Expect(bare.Locator("[data-testid=attach]")).ToBeHiddenAsync();
        await Expect(bare.Locator("input[type=file]")).ToBeHiddenAsync();
    }

    private static async Task Shoot(IPage page, string name)
    {
        // Let the frame-coalesced renderer settle before the picture is taken.
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, name) });
    }

    private static async Task UseThemeAsync(IPage page, string theme)
    {
        if (await page.Locator("html").GetAttributeAsync("data-bs-theme") != theme)
        {
            await page.Locator("[data-theme-toggle]").ClickAsync();
        }

        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", theme);
        var dark = page.Locator(".chatkit.dark");
        await (theme == "dark" ? Expect(dark).ToHaveCountAsync(1) : Expect(dark).ToHaveCountAsync(0));
    }

    private static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(n => $"{v.Impact} {v.Id}: {v.Help} at {n.Target}"))];
    }
}
