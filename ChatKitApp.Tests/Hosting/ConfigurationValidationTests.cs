using ChatKitApp.Tests.Fixtures;

namespace ChatKitApp.Tests.Hosting;

/// <summary>Every options section is checked at start-up: one bad value stops the app with one message naming the setting and its rule.</summary>
public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("ChatKit:Limits:DefaultPageSize", "0", "ChatKit:Limits:DefaultPageSize", "between 1 and 1000")]
    [InlineData("ChatKit:Attachments:MaxBytes", "0", "ChatKit:Attachments:MaxBytes", "must be between 1 and 1073741824")]
    [InlineData("ChatKit:Attachments:AllowedTypes:0", "image/*", "ChatKit:Attachments:AllowedTypes", "type/subtype")]
    [InlineData("ChatKit:Auth:CookieLifetime", "00:00:01", "ChatKit:Auth:CookieLifetime", "must be between 00:01:00")]
    [InlineData("ChatKit:Auth:CookieName", "a;b", "ChatKit:Auth:CookieName", "only letters")]
    [InlineData("ChatKit:Outages:RetryAfterSeconds", "0", "ChatKit:Outages:RetryAfterSeconds", "must be between 1 and 3600")]
    [InlineData("ChatKit:Frontend:LoadTimeoutMs", "-1", "ChatKit:Frontend:LoadTimeoutMs", "must be between 0 and 60000")]
    [InlineData("ChatKit:Hosted:Endpoint", "not a url", "ChatKit:Hosted:Endpoint", "is not a valid fully-qualified http, https, or ftp URL")]
    [InlineData("ChatKit:Hosted:TimeoutSeconds", "0", "ChatKit:Hosted:TimeoutSeconds", "must be between 1 and 600")]
    [InlineData("ChatKit:RateLimits:RateWindowSeconds", "0", "ChatKit:RateLimits:RateWindowSeconds", "between 1 and 86400")]
    [InlineData("ChatKit:Model:HistoryItems", "0", "ChatKit:Model:HistoryItems", "between 1 and 1000")]
    [InlineData("ChatKit:ReverseProxy:KnownProxies:0", "proxy.local", "ChatKit:ReverseProxy:KnownProxies", "IP addresses")]
    [InlineData("ChatKit:ReverseProxy:KnownNetworks:0", "10.0.0.0/33", "ChatKit:ReverseProxy:KnownNetworks", "CIDR")]
    [InlineData("ChatKit:ReverseProxy:HstsMaxAgeDays", "0", "ChatKit:ReverseProxy:HstsMaxAgeDays", "must be between 1 and 730")]
    [InlineData("ChatKit:Admin:Emails:0", "ops", "ChatKit:Admin:Emails", "e-mail addresses")]
    [InlineData("ChatKit:Auth:Oidc:Authority", "https://id.example", "ChatKit:Auth:Oidc:ClientId", "or neither")]
    public void A_bad_setting_stops_the_app_with_one_message_naming_the_key_and_the_rule(string key, string value, string named, string rule)
    {
        var validation = ChatKitAppFactory.StartupFailure(new() { [key] = value });

        var message = Assert.Single(validation.Failures);
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.Contains(rule, message, StringComparison.Ordinal);
    }
}
