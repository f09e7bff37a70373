using ChatKitApp.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatKitApp.Auth;

/// <summary>Cookie authentication, guest users and the policy that guards the ChatKit API.</summary>
public static class ChatKitAuthExtensions
{
    /// <summary>The policy of <c>POST /chatkit</c>: an authenticated user with a user id.</summary>
    public const string ChatKitUserPolicy = "ChatKitUser";

    public const string LoginPath = "/account/login";

    /// <summary>The per-address limit on sign-in form posts (the sign-in page opts in with <c>[EnableRateLimiting]</c>).</summary>
    public const string SignInRateLimitPolicy = "AccountSignInPerAddress";

    /// <summary>The per-address limit on registration form posts.</summary>
    public const string RegisterRateLimitPolicy = "AccountRegisterPerAddress";

    public static WebApplicationBuilder AddChatKitAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<ChatKitAuthOptions>(ChatKitAuthOptions.SectionName);
        var auth = builder.Configuration.GetSection(ChatKitAuthOptions.SectionName).Get<ChatKitAuthOptions>() ?? new ChatKitAuthOptions();
        var development = builder.Environment.IsDevelopment();
        // A fixed name, not the default (the content root path), so instances deployed to
        // different paths share keys; where the keys live is the store's business (PostgreSQL
        // when configured, else the default per-machine key ring).
        services.AddDataProtection().SetApplicationName("ChatKitApp");

        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme);
        authentication.AddCookie(options =>
            {
                options.Cookie.Name = auth.CookieName;
                options.Cookie.HttpOnly = true;
                // Lax: the cookie rides top-level navigations from other sites (links to the app
                // work) but no cross-site POST or fetch; the CSRF guard covers the rest.
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.ExpireTimeSpan = auth.CookieLifetime;
                options.SlidingExpiration = true;
                options.LoginPath = LoginPath;
                // Checks every request's session, starts and ends sessions, and answers API
                // callers without a valid cookie with 401/403 JSON instead of a redirect.
                options.EventsType = typeof(SessionCookieEvents);
            });
        if (auth.CookieCacheEntries > 0)
        {
            // After AddCookie's own post-configuration, which creates the Data Protection format this wraps.
            services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
                options.TicketDataFormat = new CachedTicketDataFormat(options.TicketDataFormat, auth.CookieCacheEntries));
        }

        AddOidcSignIn(builder, authentication);

        services.AddAuthorizationBuilder()
            .AddPolicy(ChatKitUserPolicy, policy => policy
                .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(System.Security.Claims.ClaimTypes.NameIdentifier));
        services.AddCascadingAuthenticationState();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SessionCookieEvents>();
        services.AddMemoryCache();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(SignInRateLimitPolicy, new AccountFormRateLimitPolicy(o => (o.SignInsPerAddress, o.SignInWindow)));
            options.AddPolicy(RegisterRateLimitPolicy, new AccountFormRateLimitPolicy(o => (o.RegistrationsPerAddress, o.RegistrationWindow)));
        });
        return builder;
    }

    /// <summary>
    /// The CSRF guard, authentication, guest sign-in, authorization and the rate limiter, in that
    /// order; before antiforgery. Cross-site requests are refused before anything else looks at them.
    /// </summary>
    public static WebApplication UseChatKitAuth(this WebApplication app)
    {
        app.UseMiddleware<SameOriginMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<GuestSignInMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter(); // after authorization: limits are per user, and refused callers cost nothing
        return app;
    }

    /// <summary>Unsafe requests to these endpoints must come from this site's own pages (or from no browser at all).</summary>
    public static TBuilder RequireSameOrigin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(SameOriginMetadata.Instance);

    /// <summary>The OpenID Connect provider's handler, when <c>ChatKit:Auth:Oidc</c> names one.</summary>
    private static void AddOidcSignIn(WebApplicationBuilder builder, AuthenticationBuilder authentication)
    {
        // Half a provider (an authority without a client id, or the other way round) would
        // silently mean no provider: refuse to start instead, naming the settings.
        builder.Services.AddValidatedOptions<OidcSignInOptions>(OidcSignInOptions.SectionName)
            .Validate(
                o => string.IsNullOrWhiteSpace(o.Authority) == string.IsNullOrWhiteSpace(o.ClientId),
                "Set both ChatKit:Auth:Oidc:Authority and ChatKit:Auth:Oidc:ClientId to sign in with an OpenID Connect provider, or neither.")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.Authority) || (Uri.TryCreate(o.Authority, UriKind.Absolute, out var authority) && authority.Scheme is "https" or "http"),
                "ChatKit:Auth:Oidc:Authority must be the provider's absolute issuer URL.");
        var oidc = builder.Configuration.GetSection(OidcSignInOptions.SectionName).Get<OidcSignInOptions>() ?? new OidcSignInOptions();
        if (!oidc.Enabled)
        {
            return;
        }

        builder.Services.AddSingleton<OidcSignInEvents>();
        authentication.AddOpenIdConnect(OidcSignInOptions.Scheme, oidc.DisplayName, options =>
        {
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
            options.CallbackPath = oidc.CallbackPath;
            // The provider only vouches for the user; the session is the app's own cookie, the
            // same as for guests and accounts, so everything downstream sees one kind of user.
            options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.Scope.Clear();
            foreach (var scope in oidc.EffectiveScopes)
            {
                options.Scope.Add(scope);
            }

            // The ID token carries what the app keeps (sub, iss, a name); tokens are not stored,
            // so the cookie stays small and holds nothing that could call the provider's APIs.
            options.GetClaimsFromUserInfoEndpoint = false;
            options.SaveTokens = false;
            options.MapInboundClaims = false;
            // A provider on plain http (a local test server) only in Development.
            options.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
            options.EventsType = typeof(OidcSignInEvents);
        });
    }
}
