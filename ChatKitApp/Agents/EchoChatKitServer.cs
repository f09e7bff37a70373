using System.Runtime.CompilerServices;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.Feedback;

namespace ChatKitApp.Agents;

/// <summary>
/// A model-free responder: streams the user's own text back as an assistant message, a few words
/// per delta, and names the thread after the first message. It makes the protocol visible end to
/// end before a model is configured, and is the responder the load benchmark measures.
/// </summary>
public sealed class EchoChatKitServer(
    IChatKitStore<ChatKitRequestContext> store,
    ChatKitLimits limits,
    TimeProvider timeProvider,
    ILogger<EchoChatKitServer> logger,
    IFeedbackStore feedback,
    IAttachmentStore<ChatKitRequestContext>? attachmentStore = null)
    : ChatKitServer<ChatKitRequestContext>(store, attachmentStore, limits, timeProvider, logger)
{
    private const int WordsPerDelta = 3;
    private const int TitleLength = 40;

    public override Task AddFeedbackAsync(
        string threadId, IReadOnlyList<string> itemIds, FeedbackKind kind, ChatKitRequestContext context, CancellationToken cancellationToken) =>
        feedback.AddAsync(new FeedbackEntry(context.UserId, threadId, itemIds, kind, Now()), cancellationToken);

    public override async IAsyncEnumerable<ThreadStreamEvent> RespondAsync(
        ThreadMetadata thread, UserMessageItem? input, ChatKitRequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = input is null ? "Thanks, I have the result." : TextOf(input);
        var message = new AssistantMessageItem { Id = Store.GenerateItemId(StoreItemType.Message, thread, context), ThreadId = thread.Id, CreatedAt = Now() };
        yield return new ThreadItemAddedEvent(message);
        yield return new ThreadItemUpdatedEvent(message.Id, new AssistantMessageContentPartAdded(0, new AssistantMessageContent()));

        foreach (var delta in Chunks(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ThreadItemUpdatedEvent(message.Id, new AssistantMessageContentPartTextDelta(0, delta));
            await Task.Yield();
        }

        var content = new AssistantMessageContent { Text = text };
        yield return new ThreadItemUpdatedEvent(message.Id, new AssistantMessageContentPartDone(0, content));
        yield return new ThreadItemDoneEvent(message with { Content = [content] });

        if (thread.Title is null && input is not null)
        {
            var firstLine = text.Split('\n', 2)[0].Trim();
            thread.Title = firstLine.Length <= TitleLength ? firstLine : string.Concat(firstLine.AsSpan(0, TitleLength - 1), "…");
        }
    }

    private static string TextOf(UserMessageItem message)
    {
        var text = string.Concat(message.Content.Select(part => part switch
        {
            UserMessageTextContent t => t.Text,
            UserMessageTagContent tag => "@" + tag.Text,
            _ => "",
        })).Trim();
        return text.Length > 0 ? text : "(empty message)";
    }

    /// <summary>Splits after every few words, keeping the spaces, so the deltas join back to the text.</summary>
    private static IEnumerable<string> Chunks(string text)
    {
        var start = 0;
        var words = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && ++words % WordsPerDelta == 0)
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
