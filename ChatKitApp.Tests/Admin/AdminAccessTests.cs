using System.Security.Claims;
using ChatKitApp.Admin;
using ChatKitApp.Auth;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Admin;

public sealed class AdminAccessTests
{
    private const string Operator = "ops@example.com";

    private readonly AdminAccess _access = new(Options.Create(new AdminOptions { Emails = [Operator] }));

    [Fact]
    public void A_password_account_listed_in_admin_emails_is_an_admin_whatever_the_case()
    {
        Assert.True(_access.IsAdmin(Principal("guest_0123", "OPS@example.com")));
    }

    [Fact]
    public void An_openid_connect_user_whose_provider_name_is_a_listed_address_is_not_an_admin()
    {
        var user = ChatKitClaims.FromOidc("https://id.example", "subject-1", Operator, "Cookies");

        Assert.False(_access.IsAdmin(user));
    }

    [Fact]
    public void A_guest_and_an_unlisted_account_are_not_admins()
    {
        Assert.False(_access.IsAdmin(ChatKitClaims.NewGuest("Cookies")));
        Assert.False(_access.IsAdmin(Principal("user_1", "someone@example.com")));
        Assert.False(_access.IsAdmin(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    private static ClaimsPrincipal Principal(string userId, string email) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, email)], "Cookies"));
}
