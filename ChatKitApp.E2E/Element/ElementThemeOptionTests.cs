using ChatKitApp.E2E.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>The rarer <c>theme</c> options: a grayscale palette and web font sources.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementThemeOptionTests(ScenarioBrowserFixture fixture)
{
    /// <summary>
    /// The host's options with <paramref name="change"/> (a JavaScript expression of <c>theme</c>, the
    /// host's theme as an object) as the theme; the host's own once <see cref="SetHostOptionsAsync"/> ran.
    /// </summary>
    private static string WithTheme(string change) => $$"""
        (opts) => {
          window.__hostOptions = opts;
          const theme = typeof opts.theme === 'string' ? { colorScheme: opts.theme } : { ...opts.theme };
          return window.__hostOptionsOnly ? opts : { ...opts, theme: {{change}} };
        }
        """;

    /// <summary>Gives the element the host's last options again, without the test's theme.</summary>
    private static Task SetHostOptionsAsync(ChatElementPage chat) => chat.Page.EvaluateAsync(
        "() => { window.__hostOptionsOnly = true; document.querySelector('openai-chatkit').setOptions(window.__hostOptions); }");

    /// <summary>
    /// The first three numbers of the composer's border color, rgb(r, g, b) or color(srgb r g b),
    /// once its border-color transition is over.
    /// </summary>
    private static Task<double[]> ComposerBorderAsync(ChatElementPage chat) => chat.Page.Locator(".composer").EvaluateAsync<double[]>("""
        c => {
          c.getAnimations().forEach(a => a.finish());
          return getComputedStyle(c).borderTopColor.replace('srgb', '').match(/[\d.]+/g).slice(0, 3).map(Number);
        }
        """);

    [Fact]
    public async Task Grayscale_tints_the_neutral_palette_with_its_hue()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        await chat.ExtendOptionsAsync(WithTheme("{ ...theme, color: { ...theme.color, grayscale: { hue: 0, tint: 9 } } }"));

        await chat.OpenAsync();

        // Hue 0 is red: the composer's border has more red than blue (the plain palette's has less) ...
        await Expect(chat.Page.Locator(".composer")).ToBeVisibleAsync();
        var tinted = await ComposerBorderAsync(chat);
        Assert.True(tinted[0] > tinted[2] * 1.03, $"border color ({string.Join(", ", tinted)}) is not red-tinted");

        // ... until options without the grayscale come.
        await SetHostOptionsAsync(chat);
        await chat.Page.WaitForFunctionAsync(
            "() => !document.querySelector('openai-chatkit').shadowRoot.querySelector('.chatkit').style.getPropertyValue('--ck-border')");
        var plain = await ComposerBorderAsync(chat);
        Assert.True(plain[0] < plain[2], $"border color ({string.Join(", ", plain)}) is still red-tinted");
    }

    [Fact]
    public async Task Font_sources_become_font_faces_that_the_typography_loads()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        // The browser asks for the font file only when text uses the family: the request is the proof.
        await chat.Page.RouteAsync("**/fonts/ck-test.woff2", route => route.FulfillAsync(new() { Status = 404 }));
        var fontRequest = chat.Page.WaitForRequestAsync("**/fonts/ck-test.woff2", new() { Timeout = ChatElementPage.Timeout });
        await chat.ExtendOptionsAsync(WithTheme("""
            { ...theme, typography: { ...theme.typography, fontFamily: '"CK Test Font", sans-serif',
              fontSources: [{ family: 'CK Test Font', src: '/fonts/ck-test.woff2', weight: 400, style: 'normal', display: 'swap' }] } }
            """));

        await chat.OpenAsync();

        await fontRequest;
        var faces = await chat.Page.EvaluateAsync<string[]>(
            "() => [...document.fonts].filter(f => f.family.replaceAll('\"', '') === 'CK Test Font').map(f => [f.weight, f.style, f.display].join(' '))");
        Assert.Equal(["400 normal swap"], faces);

        // Options without the font source take its face away.
        await SetHostOptionsAsync(chat);
        await chat.Page.WaitForFunctionAsync("() => ![...document.fonts].some(f => f.family.replaceAll('\"', '') === 'CK Test Font')");
    }
}
