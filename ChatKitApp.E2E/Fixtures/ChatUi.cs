using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>What the E2E tests do with the chat panel, in one place.</summary>
public static class ChatUi
{
    public static ILocator Items(IPage page, string type) => page.Locator($"[data-testid=thread-item][data-item-type={type}]");

    /// <summary>Waits until the chat panel has its element.</summary>
    public static async Task WaitReadyAsync(IPage page) =>
        await Expect(page.Locator("[data-testid=chatkit-panel]")).ToHaveAttributeAsync("data-state", "Ready", new() { Timeout = 20_000 });

    /// <summary>Opens <paramref name="path"/> and waits for the chat panel.</summary>
    public static async Task OpenAsync(IPage page, string path = "/")
    {
        await page.GotoAsync(path);
        await WaitReadyAsync(page);
    }

    /// <summary>Waits for the panel to be ready, then types <paramref name="text"/> and sends it.</summary>
    public static async Task SendAsync(IPage page, string text)
    {
        await WaitReadyAsync(page);
        var input = page.Locator("[data-testid=composer-input]");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    /// <summary>
    /// JavaScript for the thread id the host remembers for this browser's user (the key is
    /// <c>chatkit.thread:&lt;user id&gt;</c>), or null.
    /// </summary>
    public const string RememberedThreadJs =
        "(() => { const key = Object.keys(localStorage).find(k => k.startsWith('chatkit.thread')); return key ? localStorage.getItem(key) : null; })()";

    /// <summary>Waits until the host remembers a thread other than <paramref name="previous"/>, and returns it.</summary>
    public static async Task<string> RememberedThreadAsync(IPage page, string? previous = null)
    {
        var js = previous is null ? RememberedThreadJs : $"(() => {{ const id = {RememberedThreadJs}; return id !== '{previous}' ? id : null; }})()";
        await page.WaitForFunctionAsync(js, null, new() { Timeout = 20_000 });
        return await page.EvaluateAsync<string>(RememberedThreadJs);
    }
}
