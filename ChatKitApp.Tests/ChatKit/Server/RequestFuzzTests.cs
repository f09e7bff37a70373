using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatKitApp.Attachments;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>
/// Mutated ChatKit requests of all sixteen types and malformed uploads at the app on PostgreSQL,
/// from a fixed seed (a failure names the case that reproduces it): none may get a 5xx, hang, or
/// leave an error in the log.
/// </summary>
public sealed class RequestFuzzTests(PostgresFixture database, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int Seed = 15;
    private const int MutatedRequests = 2000;
    private const int MalformedUploads = 100;
    private const int ReseedEvery = 200; // consumed pending items and deleted threads are set up again
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Mutated_requests_and_uploads_get_no_5xx_no_hang_and_no_logged_error()
    {
        var logs = new CapturingLoggerProvider();
        await using var factory = new ChatKitAppFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ChatKit"] = await database.CreateSchemaAsync(),
            ["ChatKit:RateLimits:RequestsPerWindow"] = "0",
        });
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var user = await UserClient.CreateGuestAsync(app);
        var http = user.Http;
        http.DefaultRequestHeaders.Add(BlobAttachmentStore.RequestMarkerHeader, "1");
        var startupEntries = logs.Entries.Count; // only what the requests cause counts
        var random = new Random(Seed);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();

        Seeds seeds = null!;
        for (var i = 0; i < MutatedRequests; i++)
        {
            if (i % ReseedEvery == 0)
            {
                seeds = await Seeds.CreateAsync(http);
            }

            var templates = seeds.Requests();
            var body = RequestMutator.Mutate(templates[random.Next(templates.Count)], random);
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue(random.Next(20) == 0 ? "text/plain" : "application/json");
            await SendAsync(http, new HttpRequestMessage(HttpMethod.Post, "/chatkit") { Content = content }, $"request {i}: {Preview(body)}", failures, statuses);
        }

        for (var i = 0; i < MalformedUploads; i++)
        {
            var twoPhase = random.Next(2) == 0;
            var url = twoPhase ? $"/chatkit/attachments/{await http.CreateAttachmentAsync()}/upload" : "/chatkit/attachments";
            var (contentType, body) = MalformedMultipart.Create(random);
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            await SendAsync(http, new HttpRequestMessage(HttpMethod.Post, url) { Content = content }, $"upload {i} to {url}: {contentType}", failures, statuses);
        }

        output.WriteLine("Statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        var errors = logs.Entries.Skip(startupEntries).Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n\n", errors.Take(5).Select(e => $"{e}\n{e.Exception}")));
        Assert.True(statuses.Keys.Count(s => s is >= 400 and < 500) >= 3, string.Join(", ", statuses)); // the mutations reach several checks
        Assert.True(statuses.GetValueOrDefault(200) >= 100, string.Join(", ", statuses)); // and some still get through
    }

    private static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= 300 ? text : text[..300] + "…";
    }

    /// <summary>Sends and reads the whole response (a stream to its end) within the timeout; records a 5xx or a hang.</summary>
    private static async Task SendAsync(HttpClient http, HttpRequestMessage request, string description, List<string> failures, Dictionary<int, int> statuses)
    {
        using (request)
        {
            using var timeout = new CancellationTokenSource(RequestTimeout);
            try
            {
                using var response = await http.SendAsync(request, timeout.Token);
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                // 501 not_implemented is the server's deliberate answer to the requests it does not
                // serve (input.transcribe: no dictation), whatever their content.
                if (status >= 500 && !(status == 501 && body.Contains("\"not_implemented\"", StringComparison.Ordinal)))
                {
                    failures.Add($"{status} for {description}\n  -> {body[..Math.Min(body.Length, 500)]}");
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                failures.Add($"no complete answer within {RequestTimeout.TotalSeconds} s for {description}");
            }
        }
    }

    /// <summary>Threads, items and attachments the valid requests refer to, so mutations start from requests that work.</summary>
    private sealed record Seeds(
        string Thread, string UserItem, string AssistantItem, string ToolThread, string QuizThread, string QuizItem, string QuizOption,
        string WidgetThread, string WidgetItem, JsonNode WidgetAction, string DoomedThread, string Attachment, string DoomedAttachment)
    {
        public static async Task<Seeds> CreateAsync(HttpClient http)
        {
            var attachment = await http.CreateAttachmentAsync();
            var upload = new ByteArrayContent("hello"u8.ToArray());
            upload.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            (await http.PutAsync(new Uri($"/chatkit/attachments/{attachment}/upload", UriKind.Relative), upload)).EnsureSuccessStatusCode();

            var thread = await http.CreateThreadAsync("Hello fuzz");
            var items = await ItemsAsync(http, thread);
            var quizThread = await http.CreateThreadAsync("quiz me");
            var quiz = (await ItemsAsync(http, quizThread)).Single(i => (string?)i["type"] == "structured_input");
            var widgetThread = await http.CreateThreadAsync("show a widget about streaming");
            var widget = (await ItemsAsync(http, widgetThread)).Single(i => (string?)i["type"] == "widget");
            return new Seeds(
                thread,
                (string)items.Single(i => (string?)i["type"] == "user_message")["id"]!,
                (string)items.Single(i => (string?)i["type"] == "assistant_message")["id"]!,
                await http.CreateThreadAsync("theme dark"),
                quizThread,
                (string)quiz["id"]!,
                (string)quiz["inputs"]![0]!["options"]![0]!["value"]!,
                widgetThread,
                (string)widget["id"]!,
                FindAction(widget)!.DeepClone(),
                await http.CreateThreadAsync("Delete me"),
                attachment,
                await http.CreateAttachmentAsync());
        }

        /// <summary>One valid request of each of the sixteen types.</summary>
        public List<JsonObject> Requests()
        {
            var input = new JsonObject
            {
                ["content"] = new JsonArray(
                    new JsonObject { ["type"] = "input_text", ["text"] = "Hello 😀" },
                    new JsonObject { ["type"] = "input_tag", ["id"] = "streaming", ["text"] = "Streaming", ["data"] = new JsonObject { ["slug"] = "streaming" }, ["interactive"] = true }),
                ["attachments"] = new JsonArray(Attachment),
                ["quoted_text"] = "quoted",
                ["inference_options"] = new JsonObject { ["tool_choice"] = new JsonObject { ["id"] = "get_current_time" } },
            };
            var metadata = new JsonObject { ["page"] = new JsonObject { ["url"] = "http://localhost/articles/x", ["title"] = "X", ["headings"] = new JsonArray("A") }, ["time_zone"] = "Europe/Berlin" };
            var action = new JsonObject { ["thread_id"] = WidgetThread, ["item_id"] = WidgetItem, ["action"] = WidgetAction.DeepClone() };
            return
            [
                ChatKitRequestJson.Request("threads.create", new JsonObject { ["input"] = input.DeepClone() }, metadata),
                ChatKitRequestJson.Request("threads.add_user_message", new JsonObject { ["thread_id"] = Thread, ["input"] = input.DeepClone() }, metadata),
                ChatKitRequestJson.Request("threads.add_client_tool_output", new JsonObject { ["thread_id"] = ToolThread, ["result"] = new JsonObject { ["theme"] = "dark" } }),
                ChatKitRequestJson.Request("threads.add_structured_input", new JsonObject
                {
                    ["thread_id"] = QuizThread,
                    ["item_id"] = QuizItem,
                    ["input"] = new JsonObject { ["status"] = "answered", ["answers"] = new JsonObject { ["choice"] = new JsonObject { ["values"] = new JsonArray(QuizOption) } } },
                }),
                ChatKitRequestJson.Request("threads.retry_after_item", new JsonObject { ["thread_id"] = Thread, ["item_id"] = UserItem }),
                ChatKitRequestJson.Request("threads.custom_action", action),
                ChatKitRequestJson.Request("threads.sync_custom_action", action.DeepClone().AsObject()),
                ChatKitRequestJson.Request("threads.get_by_id", new JsonObject { ["thread_id"] = Thread }),
                ChatKitRequestJson.Request("threads.list", new JsonObject { ["limit"] = 5, ["order"] = "asc", ["after"] = Thread }),
                ChatKitRequestJson.Request("threads.update", new JsonObject { ["thread_id"] = Thread, ["title"] = "Renamed" }),
                ChatKitRequestJson.Request("threads.delete", new JsonObject { ["thread_id"] = DoomedThread }),
                ChatKitRequestJson.Request("items.list", new JsonObject { ["thread_id"] = Thread, ["limit"] = 3, ["order"] = "desc", ["after"] = AssistantItem }),
                ChatKitRequestJson.Request("items.feedback", new JsonObject { ["thread_id"] = Thread, ["item_ids"] = new JsonArray(AssistantItem), ["kind"] = "positive" }),
                ChatKitRequestJson.Request("attachments.create", new JsonObject { ["name"] = "a.png", ["size"] = 70, ["mime_type"] = "image/png" }),
                ChatKitRequestJson.Request("attachments.delete", new JsonObject { ["attachment_id"] = DoomedAttachment }),
                ChatKitRequestJson.Request("input.transcribe", new JsonObject { ["audio_base64"] = "AAAA", ["mime_type"] = "audio/webm" }),
            ];
        }

        private static async Task<List<JsonObject>> ItemsAsync(HttpClient http, string threadId)
        {
            using var response = await http.PostAsJsonAsync("/chatkit", ChatKitRequestJson.Request("items.list", new JsonObject { ["thread_id"] = threadId, ["order"] = "asc" }));
            response.EnsureSuccessStatusCode();
            return [.. (await response.Content.ReadFromJsonAsync<JsonObject>())!["data"]!.AsArray().Select(i => i!.AsObject())];
        }

        /// <summary>The first button action (an object with a <c>payload</c>) in the widget.</summary>
        private static JsonNode? FindAction(JsonNode? node) => node switch
        {
            JsonObject obj when obj.ContainsKey("payload") && obj["type"] is JsonValue => obj,
            JsonObject obj => obj.Select(p => FindAction(p.Value)).FirstOrDefault(a => a is not null),
            JsonArray array => array.Select(FindAction).FirstOrDefault(a => a is not null),
            _ => null,
        };
    }
}
