using System.Text.RegularExpressions;
using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Hosting;

/// <summary>Security headers and the Content-Security-Policy, as the app sends them.</summary>
public sealed partial class SecurityHeadersTests
{
    [Fact]
    public async Task Pages_get_a_csp_that_allows_the_app_and_the_chatkit_cdn_only()
    {
        await using var app = new ChatKitAppFactory();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        var csp = Directives(response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(["'self'"], csp["default-src"]);
        Assert.Equal(["'none'"], csp["frame-ancestors"]);
        Assert.Equal(["'none'"], csp["object-src"]);
        Assert.Equal(["'self'"], csp["base-uri"]);
        Assert.Equal(["'self'"], csp["form-action"]);
        Assert.Contains("'self'", csp["script-src"]);
        Assert.Contains("'self'", csp["connect-src"]);
        Assert.DoesNotContain(csp.Values.SelectMany(v => v), s => s is "'unsafe-eval'" or "*" or "https:" or "http:");
        Assert.DoesNotContain("'unsafe-inline'", csp["script-src"]);
        // Every host the policy names is the CDN's.
        var hosts = csp.Values.SelectMany(v => v).Where(s => s.Contains("://", StringComparison.Ordinal)).Distinct();
        Assert.Equal(["https://cdn.platform.openai.com"], hosts);
        // The import map, the page's only inline script, carries the policy's nonce.
        var nonce = Assert.Single(csp["script-src"], s => s.StartsWith("'nonce-", StringComparison.Ordinal))["'nonce-".Length..^1];
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.Equal(InlineScripts().Count(html), InlineScriptsWithNonce(nonce).Count(html));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Each_page_response_gets_a_fresh_nonce()
    {
        await using var app = new ChatKitAppFactory();
        using var client = app.CreateClient();

        using var first = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.NotEqual(first.Headers.GetValues("Content-Security-Policy").Single(), second.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task With_the_local_element_no_outside_origin_is_allowed()
    {
        await using var app = new ChatKitAppFactory(new() { ["ChatKit:Frontend:Source"] = "Local" });
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("://", csp, StringComparison.Ordinal);
        Assert.Contains("frame-src 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_responses_get_nosniff_but_no_page_policy()
    {
        await using var app = new ChatKitAppFactory();
        using var user = await UserClient.CreateGuestAsync(app);

        using var response = await user.Http.PostAsync(new Uri("/chatkit", UriKind.Relative), new StringContent("""{"type":"threads.list","params":{}}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => parts[1..]);

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScripts();

    private static Regex InlineScriptsWithNonce(string nonce) => new($"<script(?![^>]*\\bsrc=)[^>]*nonce=\"{Regex.Escape(nonce)}\"[^>]*>");
}
