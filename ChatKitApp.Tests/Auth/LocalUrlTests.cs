using ChatKitApp.Auth;

namespace ChatKitApp.Tests.Auth;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/articles")]
    [InlineData("/articles?q=a%20b#top")]
    public void OrHome_keeps_a_path_on_this_site(string url) => Assert.Equal(url, LocalUrl.OrHome(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("articles")]
    [InlineData("~/articles")]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("/\t/evil.example/phish")]
    [InlineData("/\n/evil.example/phish")]
    [InlineData("/\r/evil.example/phish")]
    [InlineData("/ /evil.example")]
    [InlineData("/caf\u00e9")]
    public void OrHome_turns_anything_else_into_the_home_page(string? url) => Assert.Equal("/", LocalUrl.OrHome(url));
}
