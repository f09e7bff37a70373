using ChatKitApp.Agents.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Agents.Turn;

/// <summary>
/// Names a thread after its first message: a short title from the model, or the message's first
/// words with the demo model or when the model fails. It never throws, so a title can never break a reply.
/// </summary>
public sealed partial class ThreadTitleGenerator(IChatClient chatClient, IOptions<ChatModelOptions> options, ILogger<ThreadTitleGenerator> logger)
{
    public const string Instructions =
        "Write a title of at most six words for a chat that starts with the user's message below. " +
        "Reply with the title only: no quotes, no trailing punctuation.";

    public const int MaxLength = 60;

    private const int FallbackWords = 6;
    private const int MaxInputChars = 2000;

    public async Task<string?> GenerateAsync(string firstMessage, CancellationToken cancellationToken)
    {
        var fallback = FirstWords(firstMessage);
        if (fallback is null || options.Value.EffectiveProvider is ModelProvider.Demo or ModelProvider.Echo)
        {
            return fallback;
        }

        try
        {
            var input = firstMessage.Length <= MaxInputChars ? firstMessage : firstMessage[..MaxInputChars];
            var response = await chatClient.GetResponseAsync(
                [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, input)],
                cancellationToken: cancellationToken); // no sampling options: reasoning models reject them
            return Clean(response.Text) ?? fallback;
        }
        catch (OperationCanceledException)
        {
            return null; // the turn is over (stopped or failed): nobody is waiting for the title
        }
        catch (Exception ex)
        {
            LogTitleFailed(ex);
            return fallback;
        }
    }

    /// <summary>The first few words of <paramref name="text"/>, capped at <see cref="MaxLength"/>.</summary>
    public static string? FirstWords(string text)
    {
        var words = text.Split((char[]?)null, FallbackWords + 1, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var title = string.Join(' ', words.Take(FallbackWords));
        if (words.Length > FallbackWords)
        {
            title += "…";
        }

        return Cap(title);
    }

    private static string? Clean(string? title)
    {
        var line = title?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        line = line?.Trim().Trim('"', '\'', '“', '”', '*', '#', ' ').TrimEnd('.', '!', ':').Trim();
        return string.IsNullOrWhiteSpace(line) ? null : Cap(line);
    }

    private static string Cap(string title) =>
        title.Length <= MaxLength ? title : string.Concat(title.AsSpan(0, MaxLength - 1).TrimEnd(), "…");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generating a thread title failed; using the first words instead.")]
    private partial void LogTitleFailed(Exception exception);
}
