using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// An OpenID Connect provider on loopback Kestrel, just enough for the app's handler: discovery,
/// a JWKS with one RSA key, and a token endpoint that redeems any code for an ID token about
/// <see cref="Subject"/> carrying the <see cref="Nonce"/> the test read from the authorization
/// request. Its authorization endpoint is never served: tests play the user's part themselves.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    private const string KeyId = "test-key";

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _tokenRequests = new();

    private FakeOidcProvider(WebApplication app)
    {
        _app = app;
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = AuthorizationEndpoint,
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new JsonArray("code"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["code_challenge_methods_supported"] = new JsonArray("S256"),
        }));
        _app.MapGet("/jwks", () =>
        {
            var key = _rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) } } });
        });
        _app.MapPost("/token", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            _tokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            return Results.Json(new { access_token = "fake-access-token", token_type = "Bearer", expires_in = 3600, id_token = IdToken(form["client_id"].ToString()) });
        });
    }

    /// <summary>The issuer, which is also the authority to configure.</summary>
    public string Issuer { get; private set; } = "";

    public string AuthorizationEndpoint => Issuer + "/authorize";

    /// <summary>Who the next ID token is about.</summary>
    public string Subject { get; set; } = "alice";

    public string Name { get; set; } = "Alice Example";

    /// <summary>The nonce of the authorization request the next code answers.</summary>
    public string Nonce { get; set; } = "";

    /// <summary>The form of each token request (code redemption), as the handler sent it.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests => [.. _tokenRequests];

    public static async Task<FakeOidcProvider> StartAsync()
    {
        var provider = new FakeOidcProvider(LoopbackServer.Create());
        provider.Issuer = await LoopbackServer.StartAsync(provider._app);
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackServer.StopAsync(_app);
        _rsa.Dispose();
    }

    private string IdToken(string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = audience,
        Subject = new ClaimsIdentity([new Claim("sub", Subject), new Claim("name", Name), new Claim("nonce", Nonce)]),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
    });
}
