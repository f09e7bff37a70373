using System.Security.Claims;
using System.Text.Json.Nodes;
using ChatKitApp.Auth;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;
using Microsoft.AspNetCore.Http;

namespace ChatKitApp.Tests.ChatKitHost;

public sealed class ChatKitRequestContextFactoryTests
{
    private static readonly ThreadsListRequest Request = new() { Params = new(), Metadata = new JsonObject { ["time_zone"] = "Europe/Paris" } };

    private static ChatKitRequestContext Create(ClaimsPrincipal user, string? acceptLanguage = null)
    {
        var http = new DefaultHttpContext { User = user };
        if (acceptLanguage is not null)
        {
            http.Request.Headers.AcceptLanguage = acceptLanguage;
        }

        return new ChatKitRequestContextFactory().Create(http, Request);
    }

    [Fact]
    public void Account_users_bring_their_id_name_locale_and_metadata()
    {
        var account = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "usr_1"), new Claim(ClaimTypes.Name, "ada@example.com")], "Cookies"));

        var context = Create(account, "de-CH;q=0.5, fr-FR, *;q=0.1");

        Assert.Equal("usr_1", context.UserId);
        Assert.Equal("ada@example.com", context.UserName);
        Assert.Equal("fr-FR", context.Locale);
        Assert.Equal("Europe/Paris", context.Metadata["time_zone"]!.GetValue<string>());
    }

    [Fact]
    public void Guests_have_no_name_and_anonymous_callers_no_context()
    {
        var guest = Create(ChatKitClaims.NewGuest("Cookies"));

        Assert.StartsWith(ChatKitClaims.GuestPrefix, guest.UserId, StringComparison.Ordinal);
        Assert.Null(guest.UserName);
        var ex = Assert.Throws<ChatKitRequestException>(() => Create(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Equal(401, ex.StatusCode);
    }
}
