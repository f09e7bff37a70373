using System.Net;
using System.Text.RegularExpressions;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>The account forms driven the way a browser does: open the page, post it back with its hidden fields.</summary>
public static partial class AccountForms
{
    /// <summary>Opens the form page and posts it back with its hidden fields (handler, antiforgery token).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, string path, string email, string password)
    {
        var fields = await HiddenFieldsAsync(http, path, "_handler");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        return await http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient http)
    {
        var fields = await HiddenFieldsAsync(http, "/", "__RequestVerificationToken");
        return await http.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// A page without what differs on every response: hidden fields' values (antiforgery tokens),
    /// script nonces and Blazor's markers of interactive components and their state (encrypted).
    /// </summary>
    public static string WithoutPerResponseValues(string html)
    {
        html = HiddenInput().Replace(html, m => $"<input type=\"hidden\" name=\"{m.Groups["name"].Value}\" value=\"\"");
        return BlazorMarker().Replace(Nonce().Replace(html, "nonce=\"\""), "");
    }

    /// <summary>Where a response redirects to, as an absolute URL (so another host would show).</summary>
    public static string Redirect(HttpResponseMessage response) =>
        new Uri(new Uri("http://localhost/"), response.Headers.Location!).AbsoluteUri;

    private static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient http, string path, string required)
    {
        var html = await http.GetStringAsync(new Uri(path, UriKind.Relative));
        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.True(fields.ContainsKey(required), $"{path} has no {required} field");
        return fields;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("<!--Blazor[-:].*?-->", RegexOptions.Singleline)]
    private static partial Regex BlazorMarker();
}
