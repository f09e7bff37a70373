namespace ChatKitApp.Articles;

/// <summary>
/// The app's articles, kept in code so a fresh clone has real content to read, ask about and
/// search. <see cref="Search"/> ranks by where the query's words occur: title over summary over body.
/// </summary>
public sealed class ArticleCatalog
{
    private const int TitleWeight = 5;
    private const int SummaryWeight = 3;
    private const int BodyWeight = 1;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "for", "with", "what", "how", "are", "was", "does", "can", "about", "from", "this", "that",
        "into", "your", "you", "any", "all", "why", "who", "when", "which", "use", "used", "using", "article", "articles",
    };

    private readonly Dictionary<string, Article> _bySlug;

    // The articles never change, so each is split into words once rather than on every search.
    private readonly List<IndexedArticle> _index;

    public ArticleCatalog()
        : this(DefaultArticles)
    {
    }

    /// <summary>A catalog of other articles (tests). A list, not an enumerable, so DI never picks this constructor with an empty set.</summary>
    public ArticleCatalog(IReadOnlyList<Article> articles)
    {
        All = [.. articles];
        _bySlug = All.ToDictionary(a => a.Slug, StringComparer.OrdinalIgnoreCase);
        _index = [.. All.Select(a => new IndexedArticle(a, [.. Words(a.Title)], [.. Words(a.Summary)], [.. Words(a.Body)]))];
    }

    /// <summary>Every article, in reading order.</summary>
    public IReadOnlyList<Article> All { get; }

    public Article? Find(string slug) => _bySlug.GetValueOrDefault(slug);

    /// <summary>
    /// The best matches for <paramref name="query"/>, best first; articles that match no word are left
    /// out. A query word matches a text word it starts (so "stream" finds "streaming").
    /// </summary>
    public IReadOnlyList<Article> Search(string query, int limit = 3)
    {
        var terms = Words(query).Where(w => w.Length > 2 && !StopWords.Contains(w)).Distinct().ToList();
        if (terms.Count == 0 || limit <= 0)
        {
            return [];
        }

        return _index
            .Select(indexed => (indexed.Article, Score: Score(indexed, terms)))
            .Where(match => match.Score > 0)
            .OrderByDescending(match => match.Score)
            .ThenBy(match => match.Article.Title, StringComparer.Ordinal)
            .Take(limit)
            .Select(match => match.Article)
            .ToList();
    }

    private static int Score(IndexedArticle indexed, List<string> terms) =>
        (TitleWeight * Hits(indexed.TitleWords, terms)) + (SummaryWeight * Hits(indexed.SummaryWords, terms)) + (BodyWeight * Hits(indexed.BodyWords, terms));

    private static int Hits(string[] words, List<string> terms) =>
        words.Sum(word => terms.Count(term => word.StartsWith(term, StringComparison.Ordinal)));

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    /// <summary>An article with its title, summary and body already split into lower-case words.</summary>
    private sealed record IndexedArticle(Article Article, string[] TitleWords, string[] SummaryWords, string[] BodyWords);

    private static readonly Article[] DefaultArticles =
    [
        new(
            "what-is-chatkit",
            "What is ChatKit",
            "ChatKit is OpenAI's embeddable chat interface; this app hosts it and answers it from its own .NET backend.",
            """
            ChatKit is a chat user interface from OpenAI, shipped as a web component called openai-chatkit. It draws the thread, the composer, attachments, widgets and the history list, and it talks to a backend over one JSON endpoint. The component does not know which model answers: it only speaks the ChatKit protocol.

            This app hosts the component on a Blazor Server page and answers it from an in-process backend at POST /chatkit. Every request is a JSON object with a type such as threads.create or threads.add_user_message. Requests that produce an answer stream server-sent events; the others return plain JSON.

            Behind the endpoint a ChatKit server keeps threads and their items in a store and asks a responder for each turn. The responder here uses Microsoft.Extensions.AI, so OpenAI, Azure OpenAI and any OpenAI-compatible server such as Ollama, vLLM or LM Studio can answer. Without an API key a built-in demo model answers, so the app works offline.
            """),
        new(
            "streaming-with-server-sent-events",
            "Streaming with server-sent events",
            "How an answer travels from the model to the browser as a stream of small events, and what happens when you press Stop.",
            """
            When you send a message the backend answers with a text/event-stream response. Each event is one line that starts with data: followed by a JSON object, and a blank line. There are no event names and no keep-alive comments, so any standards-compliant parser can read the stream.

            An assistant reply arrives as a thread.item.added event, then a content part, then many small text deltas, and finally thread.item.done with the complete message. Only the done event is stored: a reply that is still streaming lives in memory. Ids are minted by the server for every item, never copied from the model provider, so two replies can never overwrite each other.

            The Stop button aborts the HTTP request. The server notices at once, cancels the call to the model provider, stores the text you already saw, and records a hidden note so the model knows on the next turn that you interrupted it. If the provider fails, the stream ends with an error event, and a Retry button appears when trying again can help.
            """),
        new(
            "storing-chats-in-postgresql",
            "Storing chats in PostgreSQL",
            "Threads, items and attachments live in PostgreSQL in production, scoped by user, so several app instances can share them.",
            """
            Every chat is a thread, and every message, widget, tool call or workflow in it is an item. The store keeps threads and items in PostgreSQL tables whose keys start with the user id, so one user's threads are simply invisible to another and the schema can be distributed by user.

            Items are read newest first in pages with a cursor. The model only sees the most recent part of a long thread: the responder loads the newest items, turns them back into oldest-first order and converts them into chat messages. Item payloads are stored as jsonb, which keeps unknown widget properties intact.

            Without a connection string the app keeps everything in memory and logs a warning, which is handy for a quick try but loses every chat on restart. With ConnectionStrings:ChatKit set, app instances are stateless and any of them can continue any thread.
            """),
        new(
            "client-tools-and-widgets",
            "Client tools and widgets",
            "Tools the browser runs on the model's behalf, such as reading the current page or switching the theme, and the cards the backend can draw.",
            """
            Some tools only make sense in the browser. A client tool is declared to the model like any other function, but when the model calls it the backend does not run it: the turn ends with a pending client tool call item, the page runs the tool and posts the result back with threads.add_client_tool_output, and the model continues with that result in its history.

            This app ships two client tools. get_page_context returns the page you are looking at: its address, title, headings and your current text selection. set_theme switches the page between the light and the dark theme. Server tools, such as the date and time tool or the article search, run inside the backend and show up as a short workflow while they work.

            Widgets are small cards, lists and forms that the backend describes as JSON and the component draws. Buttons in a widget send actions back to the server, which can answer with new events or update the widget in place.
            """),
    ];
}
