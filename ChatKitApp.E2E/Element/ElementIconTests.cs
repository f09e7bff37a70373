using ChatKitApp.E2E.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>
/// ChatKit's icon names drawn as SVG line icons, never as emoji: a machine without an emoji font
/// (this one has none: `fc-list | grep -i emoji` finds nothing) would show empty boxes.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementIconTests(ScenarioBrowserFixture fixture)
{
    /// <summary>Emoji code points (and the emoji presentation selector), as JavaScript sees them.</summary>
    private const string EmojiPattern = @"/[\p{Extended_Pictographic}\u{FE0F}]/u";

    /// <summary>
    /// For each control matched by the selector: its icon as drawn, or what is wrong with it
    /// (no svg, an svg without a path or with no size, emoji in its text).
    /// </summary>
    private const string DescribeIconsJs = $$"""
        (selector) => [...document.querySelector('openai-chatkit').shadowRoot.querySelectorAll(selector)].map((control) => {
          const svg = control.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          if ({{EmojiPattern}}.test(control.textContent)) return `emoji in "${control.textContent.trim()}"`;
          if (!svg) return `no svg in "${control.textContent.trim()}"`;
          if (!svg.querySelector('path')) return `svg without a path in "${control.textContent.trim()}"`;
          return box.width >= 12 && box.height >= 12 ? 'svg' : `svg of ${box.width}x${box.height}`;
        })
        """;

    [Fact]
    public async Task Start_prompts_and_tools_show_svg_line_icons_without_emoji()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await Expect(page.Locator("[data-testid=start-prompt]").First).ToBeVisibleAsync();

        var prompts = await page.EvaluateAsync<string[]>(DescribeIconsJs, "[data-testid=start-prompt]");
        await page.Locator("[data-testid=composer-tools]").ClickAsync();
        await Expect(page.Locator("[data-testid=composer-tool]").First).ToBeVisibleAsync();
        var tools = await page.EvaluateAsync<string[]>(DescribeIconsJs, "[data-testid=composer-tool]");

        Assert.NotEmpty(prompts);
        Assert.NotEmpty(tools);
        Assert.All(prompts, icon => Assert.Equal("svg", icon));
        Assert.All(tools, icon => Assert.Equal("svg", icon));
    }

    [Fact]
    public async Task Header_actions_and_lucide_names_draw_svg_icons_and_unknown_names_a_dot()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;

        // A second element on the page, with icon names from across the vocabulary.
        await page.EvaluateAsync("""
            () => {
              const bare = document.createElement('openai-chatkit');
              bare.id = 'icon-chat';
              document.body.append(bare);
              const prompt = (icon) => ({ label: icon, prompt: icon, icon });
              bare.setOptions({
                api: { url: '/chatkit', domainKey: 'local-dev' },
                header: { rightAction: { icon: 'settings-cog', onClick: () => {} } },
                startScreen: { prompts: ['agent', 'star-filled', 'lucide:atom', 'vendor:acme', 'no-such-icon'].map(prompt) },
              });
            }
            """);
        var icons = page.Locator("#icon-chat");
        await Expect(icons.Locator("[data-testid=start-prompt]")).ToHaveCountAsync(5);

        var drawn = await icons.Locator("[data-testid=start-prompt] svg, [data-testid=header-right-action] svg").EvaluateAllAsync<string[]>(
            "(svgs) => svgs.map((svg) => `${svg.dataset.icon}:${[...svg.children].map((shape) => shape.localName).join('+')}`)");

        Assert.Equal(
            ["agent:path+rect+path+path+path+path", "star-filled:path", "lucide:atom:circle+path+path", "vendor:acme:circle", "no-such-icon:circle", "settings-cog:path+circle"],
            [.. drawn.Skip(1), drawn[0]]); // the header comes first in the document
        Assert.Empty(chat.Errors);
    }

    [Fact]
    public async Task Element_modules_contain_no_emoji()
    {
        var folder = Path.Combine(fixture.App.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath, "chatkit");
        var modules = Directory.GetFiles(folder, "*.js").Select(path => new[] { Path.GetFileName(path), File.ReadAllText(path) }).ToArray();
        await using var chat = await ChatElementPage.NewAsync(fixture);

        // JavaScript's Unicode property escapes know which code points are emoji; .NET's regex does not.
        var withEmoji = await chat.Page.EvaluateAsync<string[]>(
            $"(modules) => modules.filter(([, text]) => {EmojiPattern}.test(text)).map(([name]) => name)", modules);

        Assert.Contains(modules, module => module[0] == "icons.js");
        Assert.Empty(withEmoji);
    }
}
