using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>Failures the user can read and recover from: proxy pages, dropped connections, going offline.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementErrorRecoveryTests(ScenarioBrowserFixture fixture)
{
    /// <summary>What a reverse proxy answers when the app behind it is down.</summary>
    private static readonly RouteFulfillOptions ProxyPage = new()
    {
        Status = 502,
        ContentType = "text/html",
        Body = "<html><body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>",
    };

    [Fact]
    public async Task Html_error_page_from_a_proxy_gives_a_plain_message_with_a_working_retry()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        var page = chat.Page;
        await chat.RecordEventsAsync();
        await chat.OpenAsync();
        await page.RouteAsync("**/chatkit", route => ChatKitRequestGate.IsRequestOf(route.Request, "threads.create")
            ? route.FulfillAsync(ProxyPage)
            : route.FallbackAsync());

        await chat.SendAsync("behind a proxy");

        var banner = page.Locator("[data-testid=error-banner]");
        await Expect(banner).ToContainTextAsync("Something went wrong (502).", new() { Timeout = ChatElementPage.Timeout });
        Assert.DoesNotContain("<", await banner.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Bad Gateway", await banner.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("chatkit.error", await chat.EventNamesAsync());

        await page.UnrouteAllAsync();
        await page.Locator("[data-testid=banner-retry]").ClickAsync();

        await Expect(chat.Items("assistant_message")).ToHaveTextAsync(["You said: behind a proxy"], new() { Timeout = ChatElementPage.Timeout });
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["behind a proxy"]);
        await Expect(banner).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Server_dying_mid_reply_marks_the_reply_interrupted_with_retry_and_no_complete_actions()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;

        await chat.SendAsync("die halfway");
        var reply = chat.Items("assistant_message").Last;
        await Expect(reply).ToContainTextAsync(ScenarioChatKitServer.PartialReply, new() { Timeout = ChatElementPage.Timeout });
        fixture.Log.Cut(await chat.ThreadIdAsync());

        var banner = page.Locator("[data-testid=error-banner]");
        await Expect(banner).ToContainTextAsync("The connection to the server was lost", new() { Timeout = ChatElementPage.Timeout });
        Assert.DoesNotContain("network error", await banner.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await chat.WaitIdleAsync();
        await Expect(reply.Locator("[data-testid=interrupted]")).ToContainTextAsync("Response interrupted");
        await Expect(page.Locator("[data-testid=copy-message]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=feedback-positive]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=retry]")).ToHaveCountAsync(0);

        await reply.Locator("[data-testid=interrupted-retry]").ClickAsync();

        await Expect(chat.Items("assistant_message")).ToHaveTextAsync([ScenarioChatKitServer.RetriedReply], new() { Timeout = ChatElementPage.Timeout });
        await chat.WaitIdleAsync();
        await Expect(page.Locator("[data-testid=interrupted]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=copy-message]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Back_online_the_unreachable_banner_clears_and_the_unsent_message_can_be_retried()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        await page.Context.SetOfflineAsync(true);

        await chat.SendAsync("sent while offline");

        var banner = page.Locator("[data-testid=error-banner]");
        await Expect(banner).ToContainTextAsync("Could not reach the server", new() { Timeout = ChatElementPage.Timeout });
        var unsent = chat.Items("user_message");
        await Expect(unsent).ToHaveTextAsync(["sent while offline Not sent Retry"], new() { UseInnerText = true, Timeout = ChatElementPage.Timeout });

        await page.Context.SetOfflineAsync(false);

        await Expect(banner).ToBeHiddenAsync(new() { Timeout = ChatElementPage.Timeout });
        await unsent.Locator("[data-testid=unsent-retry]").ClickAsync();
        await Expect(chat.Items("assistant_message")).ToHaveTextAsync(["You said: sent while offline"], new() { Timeout = ChatElementPage.Timeout });
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["sent while offline"]);
        await Expect(page.Locator("[data-testid=unsent]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Plain_text_and_network_failures_read_as_plain_words_each_with_a_retry()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        var banner = page.Locator("[data-testid=error-banner]");
        var failure = "text";
        await page.RouteAsync("**/chatkit", route => !ChatKitRequestGate.IsRequestOf(route.Request, "threads.create")
            ? route.FallbackAsync()
            : failure == "text"
                ? route.FulfillAsync(new() { Status = 503, ContentType = "text/plain", Body = "upstream connect error or disconnect/reset before headers" })
                : route.AbortAsync("connectionrefused"));

        await chat.SendAsync("first try");
        await Expect(banner).ToContainTextAsync("Something went wrong (503).", new() { Timeout = ChatElementPage.Timeout });
        Assert.DoesNotContain("upstream", await banner.InnerTextAsync(), StringComparison.Ordinal);
        await Expect(page.Locator("[data-testid=banner-retry]")).ToBeVisibleAsync();

        failure = "network";
        await page.Locator("[data-testid=banner-retry]").ClickAsync();
        await Expect(banner).ToContainTextAsync("Could not reach the server. Check your connection.", new() { Timeout = ChatElementPage.Timeout });
        await Expect(page.Locator("[data-testid=banner-retry]")).ToBeVisibleAsync();
        await Expect(chat.Items("user_message")).ToHaveCountAsync(1);

        await page.UnrouteAllAsync();
        await page.Locator("[data-testid=banner-retry]").ClickAsync();
        await Expect(chat.Items("assistant_message")).ToHaveTextAsync(["You said: first try"], new() { Timeout = ChatElementPage.Timeout });
        await Expect(chat.Items("user_message")).ToHaveTextAsync(["first try"]);
    }
}
