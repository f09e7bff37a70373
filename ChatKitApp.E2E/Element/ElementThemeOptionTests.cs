using ChatKitApp.E2E.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>The rarer <c>theme</c> options: a grayscale palette and web font sources.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementThemeOptionTests(ScenarioBrowserFixture fixture)
{
    /// <summary>The host's options with <paramref name="change"/> (a JavaScript expression of <c>theme</c>, the host's theme as an object) as the theme.</summary>
    private static string WithTheme(string change) => $$"""
        (opts) => {
          const theme = typeof opts.theme === 'string' ? { colorScheme: opts.theme } : { ...opts.theme };
          return { ...opts, theme: {{change}} };
        }
        """;

    [Fact]
    public async Task Grayscale_tints_the_neutral_palette_with_its_hue()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        await chat.ExtendOptionsAsync(WithTheme("{ ...theme, color: { ...theme.color, grayscale: { hue: 0, tint: 9 } } }"));

        await chat.OpenAsync();

        // Hue 0 is red: the composer's border has more red than blue (the plain palette's has less).
        var composer = chat.Page.Locator(".composer");
        await Expect(composer).ToBeVisibleAsync();
        // The computed color is rgb(r, g, b) or color(srgb r g b): the first three numbers either way.
        var rgb = await composer.EvaluateAsync<double[]>(
            "c => getComputedStyle(c).borderTopColor.replace('srgb', '').match(/[\\d.]+/g).slice(0, 3).map(Number)");
        Assert.True(rgb[0] > rgb[2] * 1.03, $"border color ({string.Join(", ", rgb)}) is not red-tinted");
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
    }
}
