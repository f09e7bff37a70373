using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>The app with the local element and <see cref="ScenarioChatKitServer"/> answering, plus a browser.</summary>
public sealed class ScenarioBrowserFixture() : BrowserFixture(services =>
{
    services.AddSingleton<ScenarioLog>();
    services.RemoveAll<ChatKitServer<ChatKitRequestContext>>();
    services.AddSingleton<ChatKitServer<ChatKitRequestContext>, ScenarioChatKitServer>();
})
{
    public ScenarioLog Log => App.Services.GetRequiredService<ScenarioLog>();

    public IChatKitStore<ChatKitRequestContext> Store => App.Services.GetRequiredService<IChatKitStore<ChatKitRequestContext>>();

    /// <summary>The user every unauthenticated browser is.</summary>
    public static ChatKitRequestContext LocalUser { get; } = new(ChatKitRequestContextFactory.LocalUserId);
}
