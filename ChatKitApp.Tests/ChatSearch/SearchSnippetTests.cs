using ChatKitApp.ChatSearch;

namespace ChatKitApp.Tests.ChatSearch;

public sealed class SearchSnippetTests
{
    private const char S = SearchSnippet.MarkStart;
    private const char E = SearchSnippet.MarkEnd;

    [Fact]
    public void Parts_of_a_snippet_give_marked_words_and_the_text_between()
    {
        var parts = SearchSnippet.Parts($"Try the {S}glacier{E} and {S}trail{E}.");

        Assert.Equal([("Try the ", false), ("glacier", true), (" and ", false), ("trail", true), (".", false)], parts);
    }

    [Fact]
    public void Parts_of_a_snippet_with_an_unpaired_mark_drop_the_mark_and_keep_the_text()
    {
        var parts = SearchSnippet.Parts($"odd{E} text {S}open");

        Assert.Equal([("odd text ", false), ("open", false)], parts);
    }
}
