using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ChatKitApp.Agents.Models;

/// <summary>
/// A model that streams the last user message back, a few words per update, with no tools and, by
/// default, no delay. It measures the server, not a model: eng/bench.sh runs the load tests with it.
/// With a delay it waits that long between updates, like a real model holding a stream open; each
/// <see cref="EmitTimeMarker"/> in an update is replaced by the update's emit time (Unix microseconds)
/// so a benchmark client can tell how long the server took to deliver it.
/// </summary>
public sealed class EchoChatClient(TimeProvider timeProvider, TimeSpan delay) : IChatClient
{
    /// <summary>Stands for the moment the update leaves the model.</summary>
    public const string EmitTimeMarker = "{emit_us}";

    private const int WordsPerUpdate = 3;

    public EchoChatClient()
        : this(TimeProvider.System, TimeSpan.Zero)
    {
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var text = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text;
        var first = true;
        foreach (var chunk in WordChunks.Split(string.IsNullOrWhiteSpace(text) ? "(empty message)" : text, WordsPerUpdate))
        {
            if (!first && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, timeProvider, cancellationToken);
            }

            first = false;
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, Stamp(chunk)) { MessageId = "echo" };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private string Stamp(string chunk) =>
        chunk.Contains(EmitTimeMarker, StringComparison.Ordinal)
            ? chunk.Replace(EmitTimeMarker, ((timeProvider.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : chunk;
}
