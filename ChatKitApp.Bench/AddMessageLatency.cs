using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatKitApp.Bench;

/// <summary>
/// threads.add_user_message on long threads, against a running app: <c>threads</c> threads are
/// filled to <c>items</c> items (through the app, one message after another per thread), then each
/// gets <c>requests</c> more messages, the threads in parallel; the time of each whole answer
/// (stream read to its end), requests per second over all, errors (non-200 or an error event).
/// </summary>
internal static partial class AddMessageLatency
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 5)
        {
            Console.Error.WriteLine("usage: add-message <url> <cookie> <threads> <items per thread> <requests per thread>");
            return 2;
        }

        var (url, cookie) = (new Uri(args[0]), args[1]);
        var (threads, items, requests) = (int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var errors = 0;

        async Task<string?> PostAsync(string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json"), Version = HttpVersion.Version11 };
            request.Headers.Add("Cookie", cookie);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || text.Contains("\"type\":\"error\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref errors);
                return null;
            }

            return text;
        }

        static string Input(string text) => "{\"content\":[{\"type\":\"input_text\",\"text\":\"" + text + "\"}],\"attachments\":[],\"inference_options\":{}}";
        string AddMessage(string threadId, int n) =>
            "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\"" + threadId + "\",\"input\":" + Input($"Message {n} on a long thread") + "}}";

        // Each turn stores two items: the user's message and the echoed answer.
        var ids = await Task.WhenAll(Enumerable.Range(0, threads).Select(async _ =>
        {
            var created = await PostAsync("{\"type\":\"threads.create\",\"params\":{\"input\":" + Input("The start of a long thread") + "}}");
            var id = ThreadId().Match(created ?? "").Groups[1].Value;
            for (var n = 2; n < items; n += 2)
            {
                await PostAsync(AddMessage(id, n));
            }

            return id;
        }));
        var fillErrors = errors;

        var timings = new List<double>[threads];
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select(async (id, t) =>
        {
            var mine = timings[t] = [];
            for (var n = 0; n < requests; n++)
            {
                var start = Stopwatch.GetTimestamp();
                await PostAsync(AddMessage(id, items + n));
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        var all = timings.SelectMany(t => t).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  add_user_message on {threads} threads of {items} items, {threads} at once: {all.Count / wall.Elapsed.TotalSeconds:F0} req/s, {Percentiles.Summary(all)}, errors {errors - fillErrors} (filling: {fillErrors})"));
        return 0;
    }

    [GeneratedRegex("\"thread\":\\{\"id\":\"([^\"]+)\"")]
    private static partial Regex ThreadId();
}
