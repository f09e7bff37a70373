using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>
/// Blazor's reconnect dialog, in each state Blazor puts it in (the classes its reconnect display sets
/// on the dialog), in both themes: readable, one message at a time, no ring around the dialog.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectDialogTests(BrowserFixture fixture)
{
    /// <summary>The WCAG contrast ratio of an element's text on the dialog's background.</summary>
    private const string ContrastOnDialog = """
        e => {
          const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
          const lum = ([r, g, b]) => {
            const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          const dialog = document.getElementById('components-reconnect-modal');
          const a = lum(rgb(getComputedStyle(e).color)), b = lum(rgb(getComputedStyle(dialog).backgroundColor));
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }
        """;

    [Theory]
    [InlineData("light", "components-reconnect-show", "Reconnecting to the server")]
    [InlineData("dark", "components-reconnect-show", "Reconnecting to the server")]
    [InlineData("light", "components-reconnect-show components-reconnect-retrying", "Still reconnecting")]
    [InlineData("dark", "components-reconnect-show components-reconnect-retrying", "Still reconnecting")]
    [InlineData("light", "components-reconnect-failed", "Could not reconnect")]
    [InlineData("dark", "components-reconnect-failed", "Could not reconnect")]
    [InlineData("dark", "components-reconnect-paused", "paused")]
    public async Task Reconnect_dialog_shows_one_readable_message_per_state(string theme, string classes, string message)
    {
        var (context, page, _) = await fixture.NewPageAsync();
        await using var __ = context;
        await page.AddInitScriptAsync($"localStorage.setItem('app.theme', '{theme}')");
        await OpenAsync(page, "/");

        await page.EvaluateAsync("""
            classes => {
              const dialog = document.getElementById('components-reconnect-modal');
              dialog.classList.add(...classes.split(' '));
              dialog.showModal();
            }
            """, classes);
        var dialog = page.Locator("#components-reconnect-modal");
        await Expect(dialog).ToHaveCSSAsync("opacity", "1"); // after its fade-in

        var shown = dialog.Locator("p:visible");
        await Expect(shown).ToHaveCountAsync(1);
        Assert.True(await shown.EvaluateAsync<double>(ContrastOnDialog) >= 4.5, $"The message is hard to read in the {theme} theme.");
        Assert.Equal("none", await dialog.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await Expect(shown).ToContainTextAsync(message);
        Assert.True(await dialog.Locator("h2").EvaluateAsync<double>(ContrastOnDialog) >= 4.5);
        Assert.Equal(classes.Contains("failed", StringComparison.Ordinal) || classes.Contains("paused", StringComparison.Ordinal) ? 1 : 0, await dialog.Locator("button:visible").CountAsync());
    }
}
