using ChatKitApp.Agents.Models;

namespace ChatKitApp.Tests.Agents.Models;

public sealed class WordChunksTests
{
    [Fact]
    public void Split_one_word_per_chunk_cuts_after_every_space()
    {
        Assert.Equal(["one ", "two ", " ", "three"], WordChunks.Split("one two  three", 1));
        Assert.Equal(["end "], WordChunks.Split("end ", 1));
    }

    [Fact]
    public void Split_several_words_per_chunk_cuts_after_every_nth_space_and_joins_back()
    {
        const string text = "one two three four five six seven";

        var chunks = WordChunks.Split(text, 3).ToList();

        Assert.Equal(["one two three ", "four five six ", "seven"], chunks);
        Assert.Equal(text, string.Concat(chunks));
        Assert.Empty(WordChunks.Split("", 3));
    }
}
