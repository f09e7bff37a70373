using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents;

/// <summary>
/// A model that streams the last user message back, a few words per update, with no delay and no
/// tools. It measures the server, not a model: eng/bench.sh runs the load test with it.
/// </summary>
public sealed class EchoChatClient : IChatClient
{
    private const int WordsPerUpdate = 3;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        var text = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text;
        foreach (var chunk in Chunks(string.IsNullOrWhiteSpace(text) ? "(empty message)" : text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk) { MessageId = "echo" };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>Splits after every few words, keeping the spaces, so the updates join back to the text.</summary>
    internal static IEnumerable<string> Chunks(string text)
    {
        var start = 0;
        var words = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && ++words % WordsPerUpdate == 0)
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
