using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>What the E2E tests do with the chat panel, in one place.</summary>
public static class ChatUi
{
    public static ILocator Items(IPage page, string type) => page.Locator($"[data-testid=thread-item][data-item-type={type}]");

    /// <summary>Waits for the panel to be ready, then types <paramref name="text"/> and sends it.</summary>
    public static async Task SendAsync(IPage page, string text)
    {
        await Expect(page.Locator("[data-testid=chatkit-panel]")).ToHaveAttributeAsync("data-state", "Ready", new() { Timeout = 20_000 });
        var input = page.Locator("[data-testid=composer-input]");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
