using System.Text.Json;
using Microsoft.Playwright;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>ChatKit requests made by script inside the page, so they carry that browser's cookies as the element's do.</summary>
public static class InPageChatKit
{
    /// <summary>The ids threads.list answers for the page's user.</summary>
    public static async Task<List<string>> ThreadIdsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            fetch('/chatkit', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                body: JSON.stringify({ type: 'threads.list', params: {} }) }).then(r => r.json())
            """);
        return [.. json.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];
    }
}
