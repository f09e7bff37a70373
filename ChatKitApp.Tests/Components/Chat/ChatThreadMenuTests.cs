using System.Security.Claims;
using Bunit;
using ChatKitApp.ChatExport;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Components.Chat;
using ChatKitApp.Sharing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.Tests.Components.Chat;

public sealed class ChatThreadMenuTests : IDisposable
{
    private const string UserId = "usr_menu";
    private readonly BunitContext _ctx = new();
    private readonly MemoryStore<ChatKitRequestContext> _chats = new();
    private readonly ShareService _sharing;

    public ChatThreadMenuTests()
    {
        var shares = new MemoryShareStore(_chats);
        _sharing = new ShareService(_chats, new ThreadExport(_chats), shares, TimeProvider.System);
        _ctx.Services.AddSingleton(_sharing);
        _ctx.AddAuthorization().SetAuthorized("guest").SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
    }

    [Fact]
    public void Menu_without_a_thread_offers_nothing_to_export_or_share()
    {
        var menu = _ctx.Render<ChatThreadMenu>(p => p.Add(m => m.ThreadId, null));

        Assert.Empty(menu.FindAll("[data-testid=export-markdown], [data-testid=share-create]"));
        Assert.Contains("Send a message first", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Menu_links_the_exports_and_shares_and_stops_sharing_as_the_signed_in_user()
    {
        await _chats.SaveThreadAsync(new ThreadMetadata { Id = "thr_1", CreatedAt = DateTimeOffset.UnixEpoch }, new ChatKitRequestContext(UserId), CancellationToken.None);
        var menu = _ctx.Render<ChatThreadMenu>(p => p.Add(m => m.ThreadId, "thr_1"));
        Assert.Equal("/api/chats/thr_1/export?format=md", menu.Find("[data-testid=export-markdown]").GetAttribute("href"));
        Assert.Equal("/api/chats/thr_1/export?format=json", menu.Find("[data-testid=export-json]").GetAttribute("href"));

        await menu.Find("[data-testid=share-create]").ClickAsync(new());
        var link = menu.Find("[data-testid=share-link]").GetAttribute("value")!;
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.NotNull(await _sharing.FindAsync(token, CancellationToken.None));

        await menu.Find("[data-testid=share-revoke]").ClickAsync(new());
        Assert.Empty(menu.FindAll("[data-testid=share-link]"));
        Assert.Null(await _sharing.FindAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Menu_forgets_the_link_when_the_chat_shows_another_thread()
    {
        await _chats.SaveThreadAsync(new ThreadMetadata { Id = "thr_1", CreatedAt = DateTimeOffset.UnixEpoch }, new ChatKitRequestContext(UserId), CancellationToken.None);
        var menu = _ctx.Render<ChatThreadMenu>(p => p.Add(m => m.ThreadId, "thr_1"));
        await menu.Find("[data-testid=share-create]").ClickAsync(new());
        Assert.Single(menu.FindAll("[data-testid=share-link]"));

        menu.Render(p => p.Add(m => m.ThreadId, "thr_2"));

        Assert.Empty(menu.FindAll("[data-testid=share-link]"));
    }

    public void Dispose() => _ctx.Dispose();
}
