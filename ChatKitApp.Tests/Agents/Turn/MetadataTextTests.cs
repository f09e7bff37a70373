using ChatKitApp.Agents.Turn;
using System.Text.Json.Nodes;

namespace ChatKitApp.Tests.Agents.Turn;

public sealed class MetadataTextTests
{
    [Theory]
    [InlineData("""{"v":"cut \ud83d"}""", "cut \uFFFD")]
    [InlineData("""{"v":"\ude00 \ud83d\ude00 \ud83d"}""", "\uFFFD 😀 \uFFFD")]
    [InlineData("""{"v":"\\\ud800 \\ud800"}""", "\\\uFFFD \\ud800")] // an escaped backslash, then a lone surrogate; then plain text
    [InlineData("""{"v":"\uD800\uDC00\uDBFF"}""", "\U00010000\uFFFD")]
    public void Lone_surrogates_become_the_replacement_character_and_pairs_stay(string json, string expected)
    {
        Assert.Equal(expected, MetadataText.Read(JsonNode.Parse(json)!["v"]));
    }

    [Theory]
    [InlineData("""{"v":1}""")]
    [InlineData("""{"v":{"a":"b"}}""")]
    [InlineData("""{"v":null}""")]
    [InlineData("""{}""")]
    public void Anything_but_a_string_reads_as_null(string json)
    {
        Assert.Null(MetadataText.Read(JsonNode.Parse(json)!["v"]));
    }
}
