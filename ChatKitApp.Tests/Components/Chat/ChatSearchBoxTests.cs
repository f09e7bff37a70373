using System.Security.Claims;
using Bunit;
using ChatKitApp.ChatSearch;
using ChatKitApp.Components.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.Tests.Components.Chat;

public sealed class ChatSearchBoxTests : IDisposable
{
    private readonly BunitContext _ctx = new();
    private readonly RecordingSearch _search = new();
    private readonly List<string> _opened = [];

    public ChatSearchBoxTests()
    {
        _ctx.Services.AddLogging();
        _ctx.Services.AddSingleton<IChatSearch>(_search);
        _ctx.AddAuthorization().SetAuthorized("alice").SetClaims(new Claim(ClaimTypes.NameIdentifier, "user_alice"));
    }

    public void Dispose() => _ctx.Dispose();

    [Fact]
    public void Submitted_query_searches_as_the_signed_in_user_and_a_hit_opens_its_thread()
    {
        _search.Hits = [new ChatSearchHit("thr_1", "Alpine trip", "msg_1", $"Try the {SearchSnippet.MarkStart}glacier{SearchSnippet.MarkEnd} trail", DateTimeOffset.UnixEpoch)];
        var cut = Render();

        cut.Find("[data-testid=host-search-input]").Change("  glacier ");
        cut.Find("form").Submit();
        cut.Find("[data-testid=host-search-result]").Click();

        Assert.Equal([("user_alice", "glacier", ChatSearchEndpoints.DefaultLimit)], _search.Calls);
        Assert.Equal(["thr_1"], _opened);
        Assert.Empty(cut.FindAll("[data-testid=host-search-result]"));
    }

    [Fact]
    public void Hit_shows_its_title_and_the_matched_words_as_marks_built_as_text()
    {
        _search.Hits = [new ChatSearchHit("thr_1", null, "msg_1", $"<b>x</b> {SearchSnippet.MarkStart}glacier{SearchSnippet.MarkEnd}", DateTimeOffset.UnixEpoch)];
        var cut = Render();

        cut.Find("[data-testid=host-search-input]").Change("glacier");
        cut.Find("form").Submit();

        var hit = cut.Find("[data-testid=host-search-result]");
        Assert.Equal("New chat", hit.QuerySelector(".chat-search-title")!.TextContent);
        Assert.Equal("glacier", hit.QuerySelector("mark")!.TextContent);
        Assert.Null(hit.QuerySelector("b")); // the message's own markup stays text
    }

    [Fact]
    public void Query_longer_than_the_maximum_is_not_searched_and_says_why()
    {
        var cut = Render();

        cut.Find("[data-testid=host-search-input]").Change(new string('a', ChatSearchEndpoints.MaxQueryLength + 1));
        cut.Find("form").Submit();

        Assert.Empty(_search.Calls);
        Assert.Contains($"at most {ChatSearchEndpoints.MaxQueryLength}", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<ChatSearchBox> Render() =>
        _ctx.Render<ChatSearchBox>(p => p.Add(x => x.OnOpen, id =>
        {
            _opened.Add(id);
            return Task.CompletedTask;
        }));

    private sealed class RecordingSearch : IChatSearch
    {
        public IReadOnlyList<ChatSearchHit> Hits { get; set; } = [];

        public List<(string UserId, string Query, int Limit)> Calls { get; } = [];

        public Task<IReadOnlyList<ChatSearchHit>> SearchAsync(string userId, string query, int limit, CancellationToken cancellationToken)
        {
            Calls.Add((userId, query, limit));
            return Task.FromResult(Hits);
        }
    }
}
