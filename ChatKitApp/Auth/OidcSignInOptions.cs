namespace ChatKitApp.Auth;

/// <summary>
/// Sign-in with an OpenID Connect provider (<c>ChatKit:Auth:Oidc</c>). Off unless both
/// <see cref="Authority"/> and <see cref="ClientId"/> are set.
/// </summary>
public sealed class OidcSignInOptions
{
    public const string SectionName = "ChatKit:Auth:Oidc";

    /// <summary>The authentication scheme of the provider's handler.</summary>
    public const string Scheme = "oidc";

    /// <summary>The provider's issuer URL; its <c>/.well-known/openid-configuration</c> is read at the first sign-in.</summary>
    public string Authority { get; set; } = "";

    /// <summary>This app's client id at the provider.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The client secret, for confidential clients (user-secrets or the environment, never the repo); empty for public clients (PKCE only).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// Scopes to ask for besides <c>openid</c>, which is always asked for. Empty: <c>profile email</c>.
    /// (A default list here would be appended to, not replaced, by configuration binding.)
    /// </summary>
    public IList<string> Scopes { get; set; } = [];

    /// <summary>The provider's name on the sign-in button ("Sign in with …").</summary>
    public string DisplayName { get; set; } = "OpenID Connect";

    /// <summary>Where the provider sends the browser back; register <c>https://your-host{CallbackPath}</c> with the provider.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The scopes sent in the authorization request.</summary>
    public IReadOnlyList<string> EffectiveScopes =>
        ["openid", .. (Scopes.Count > 0 ? Scopes : ["profile", "email"]).Where(s => s is { Length: > 0 } && s != "openid").Distinct(StringComparer.Ordinal)];
}
