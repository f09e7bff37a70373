namespace ChatKitApp.Agents.Models;

/// <summary>How the local models (demo and echo) cut a reply into streamed updates.</summary>
internal static class WordChunks
{
    /// <summary>
    /// Splits after every <paramref name="wordsPerChunk"/>-th space, keeping the spaces, so the chunks
    /// join back into the exact text.
    /// </summary>
    public static IEnumerable<string> Split(string text, int wordsPerChunk)
    {
        var start = 0;
        var words = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && ++words % wordsPerChunk == 0)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
