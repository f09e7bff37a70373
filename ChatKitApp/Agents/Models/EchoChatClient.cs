using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Models;

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
        foreach (var chunk in WordChunks.Split(string.IsNullOrWhiteSpace(text) ? "(empty message)" : text, WordsPerUpdate))
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
}
