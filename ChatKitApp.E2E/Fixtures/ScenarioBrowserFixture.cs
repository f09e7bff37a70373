using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>The app with the local element and <see cref="ScenarioChatKitServer"/> answering, plus a browser.</summary>
public sealed class ScenarioBrowserFixture() : BrowserFixture(services =>
{
    services.AddSingleton<ScenarioLog>();
    services.AddHttpContextAccessor(); // the `die` scenario cuts its own connection
    services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, WhoAmIStartupFilter>();
    services.RemoveAll<ChatKitServer<ChatKitRequestContext>>();
    services.AddSingleton<ChatKitServer<ChatKitRequestContext>, ScenarioChatKitServer>();
    services.AddSingleton<PanelRecorder>();
    services.AddSingleton<Microsoft.AspNetCore.Components.IComponentActivator, RecordingComponentActivator>();
})
{
    public ScenarioLog Log => App.Services.GetRequiredService<ScenarioLog>();

    /// <summary>The chat panels the app created, as <see cref="RecordingChatKitPanel"/>s.</summary>
    public PanelRecorder Panels => App.Services.GetRequiredService<PanelRecorder>();

    public IChatKitStore<ChatKitRequestContext> Store => App.Services.GetRequiredService<IChatKitStore<ChatKitRequestContext>>();

    /// <summary>The guest user of a page's browser context (the page must have visited the app).</summary>
    public static async Task<ChatKitRequestContext> UserOfAsync(Microsoft.Playwright.IPage page)
    {
        var id = await page.EvaluateAsync<string>($"fetch('{WhoAmIStartupFilter.Path}').then(r => r.text())");
        return string.IsNullOrEmpty(id) ? throw new InvalidOperationException("The page has no signed-in user yet.") : new ChatKitRequestContext(id);
    }
}
