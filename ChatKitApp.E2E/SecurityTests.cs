using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static ChatKitApp.E2E.Fixtures.ChatUi;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E;

/// <summary>The browser side of the security work: the CSP breaks nothing, and browsers are separate users.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityTests(BrowserFixture fixture)
{
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    [Fact]
    public async Task Pages_and_the_chat_work_under_the_content_security_policy()
    {
        var (context, page, errors) = await fixture.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync(RecordViolations);

        var response = await page.GotoAsync("/");
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await SendAsync(page, "Hello under CSP");
        await Expect(Items(page, "assistant_message").Last).ToContainTextAsync("Hello under CSP", new() { Timeout = 15_000 });
        var violations = await page.EvaluateAsync<string[]>("window.__cspViolations");
        await page.GotoAsync("/articles/storing-chats-in-postgresql");
        await Expect(page.Locator("[data-testid=chatkit-panel]")).ToHaveAttributeAsync("data-state", "Ready", new() { Timeout = 20_000 });

        Assert.Empty(violations);
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__cspViolations"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Two_browsers_chat_at_the_same_time_and_each_sees_only_its_own_history()
    {
        var (contextA, pageA, _) = await fixture.NewPageAsync();
        await using var _a = contextA;
        var (contextB, pageB, _) = await fixture.NewPageAsync();
        await using var _b = contextB;
        await Task.WhenAll(pageA.GotoAsync("/"), pageB.GotoAsync("/"));

        await Task.WhenAll(SendAsync(pageA, "Only for A"), SendAsync(pageB, "Only for B"));
        await Task.WhenAll(
            Expect(Items(pageA, "assistant_message").Last).ToContainTextAsync("Only for A", new() { Timeout = 15_000 }),
            Expect(Items(pageB, "assistant_message").Last).ToContainTextAsync("Only for B", new() { Timeout = 15_000 }));

        var threadOfA = Assert.Single(await InPageChatKit.ThreadIdsAsync(pageA));
        var threadOfB = Assert.Single(await InPageChatKit.ThreadIdsAsync(pageB));
        Assert.NotEqual(threadOfA, threadOfB);
        Assert.Equal(404, await StatusAsync(pageB, "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"" + threadOfA + "\"}}"));
        await pageA.ReloadAsync();
        await Expect(Items(pageA, "user_message").First).ToContainTextAsync("Only for A", new() { Timeout = 15_000 });
        await Expect(pageA.GetByText("Only for B")).ToHaveCountAsync(0);
    }

    private static Task<int> StatusAsync(IPage page, string body) =>
        page.EvaluateAsync<int>("body => fetch('/chatkit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then(r => r.status)", body);
}
