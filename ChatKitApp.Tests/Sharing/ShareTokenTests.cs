using System.Security.Cryptography;
using ChatKitApp.Sharing;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatKitApp.Tests.Sharing;

public sealed class ShareTokenTests
{
    [Fact]
    public void New_token_is_128_random_bits_in_base64url_and_hashes_to_the_sha256_of_those_bits()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => ShareToken.New()).ToList();

        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{22}$", t));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.Equal(SHA256.HashData(WebEncoders.Base64UrlDecode(t)), ShareToken.Hash(t)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA/")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA.")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAB")] // decodes to the same bits as ...AA: not the spelling New makes
    public void Anything_but_a_token_has_no_hash(string? token)
    {
        Assert.Null(ShareToken.Hash(token));
    }
}
