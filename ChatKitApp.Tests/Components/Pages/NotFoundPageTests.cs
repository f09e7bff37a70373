using System.Net;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Components.Pages;

/// <summary>Addresses with nothing behind them answer 404 with the site's styled page and a way back.</summary>
public sealed class NotFoundPageTests
{
    [Theory]
    [InlineData("/articles/unknown-slug")]
    [InlineData("/no-such-page")]
    public async Task Unknown_address_gives_404_with_a_titled_page_and_a_link_home(string path)
    {
        await using var app = new ChatKitAppFactory();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<title>Page not found · ChatKitApp</title>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"home-link\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"page-card\"", html, StringComparison.Ordinal);
    }
}
