using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace ChatKitApp.Bench;

/// <summary>
/// Many open streams against one running app: <c>streams</c> conversations (threads.create) held open
/// at once while the echo model (<c>ChatKit:Model:EchoDelayMs</c>) sends a delta every delay for
/// <c>seconds</c>. Each echoed chunk carries the model's emit time (<c>{emit_us}</c>), so the delay
/// from the model's token to this client is measured per delta. The app's memory (RSS from /proc, the
/// managed heap from dotnet-counters) is read while all streams are open, its CPU over the whole run.
/// Prints one table row; eng/bench.sh prints the header and restarts the app for every row.
/// </summary>
internal static class OpenStreams
{
    private static readonly byte[] DeltaKey = "\"delta\":\""u8.ToArray();

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 7)
        {
            Console.Error.WriteLine("usage: open-streams <url> <cookie> <app pid> <streams> <seconds> <delay ms> <dotnet-counters path or ->");
            return 2;
        }

        var (url, cookie, pid) = (new Uri(args[0]), args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        var streams = int.Parse(args[3], CultureInfo.InvariantCulture);
        var seconds = int.Parse(args[4], CultureInfo.InvariantCulture);
        var delayMs = int.Parse(args[5], CultureInfo.InvariantCulture);
        var counters = args[6];

        var tokens = seconds * 1000 / delayMs;
        var text = string.Concat(Enumerable.Repeat("{emit_us} x y ", tokens)).TrimEnd();
        const string Before = "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"";
        const string After = "\"}],\"attachments\":[],\"inference_options\":{}}}}";
        var body = Before + text + After;

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(30) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(seconds * 3 + 60) };

        var baseline = Rss(pid);
        var cpuStart = CpuTicks(pid);
        var wall = Stopwatch.StartNew();
        var delays = new List<long>[streams];
        var errors = 0;
        var open = 0;
        var allOpen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Opening thousands of streams in the same millisecond measures the accept queue, not a chat
        // server: the conversations start over the first two seconds, as users arrive.
        var ramp = TimeSpan.FromSeconds(2);
        var conversations = Enumerable.Range(0, streams).Select(async i =>
        {
            await Task.Delay(ramp * i / streams);
            var mine = delays[i] = new List<long>(tokens);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json"), Version = HttpVersion.Version11 };
                request.Headers.Add("Cookie", cookie);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                    return;
                }

                if (Interlocked.Increment(ref open) == streams)
                {
                    allOpen.TrySetResult();
                }

                await using var stream = await response.Content.ReadAsStreamAsync();
                if (!await ReadDeltasAsync(stream, mine) || mine.Count != tokens)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
                Interlocked.Increment(ref errors);
            }
        }).ToList();

        // Memory while every stream is open (half-way through, after the ramp).
        long rssOpen = 0;
        string heap = "n/a";
        var sampled = Task.Run(async () =>
        {
            await Task.WhenAny(allOpen.Task, Task.Delay(ramp + TimeSpan.FromSeconds(10)));
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, seconds / 2 - 4)));
            rssOpen = Rss(pid);
            heap = await ManagedHeapAsync(counters, pid);
        });
        await Task.WhenAll(conversations);
        await sampled;
        var cpu = (CpuTicks(pid) - cpuStart) / 100.0 / wall.Elapsed.TotalSeconds;

        var all = delays.Where(d => d is not null).SelectMany(d => d).Select(us => us / 1000.0).ToList();
        var p50 = all.Count > 0 ? Percentiles.Of(all, 0.5) : double.NaN;
        var p99 = all.Count > 0 ? Percentiles.Of(all, 0.99) : double.NaN;
        var perStream = (rssOpen - baseline) / 1024.0 / streams;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {streams,7} {rssOpen / 1048576.0,9:F0} {heap,9} {perStream,11:F1} {cpu,9:F2} {p50,8:F1} {p99,8:F1} {all.Count,9} {errors,7}"));
        return 0;
    }

    /// <summary>Reads SSE lines; for each text delta, the time since the emit stamp it starts with. False on an error event.</summary>
    private static async Task<bool> ReadDeltasAsync(Stream stream, List<long> delays)
    {
        var buffer = new byte[16 * 1024];
        var filled = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled));
            if (read == 0)
            {
                return true;
            }

            filled += read;
            var now = NowMicroseconds();
            var start = 0;
            int newline;
            while ((newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n')) >= 0)
            {
                var line = buffer.AsSpan(start, newline);
                start += newline + 1;
                if (line.IndexOf("\"type\":\"error\""u8) >= 0)
                {
                    return false;
                }

                var at = line.IndexOf(DeltaKey);
                if (at >= 0)
                {
                    var digits = line[(at + DeltaKey.Length)..];
                    long emitted = 0;
                    for (var i = 0; i < digits.Length && digits[i] is >= (byte)'0' and <= (byte)'9'; i++)
                    {
                        emitted = emitted * 10 + (digits[i] - '0');
                    }

                    delays.Add(now - emitted);
                }
            }

            buffer.AsSpan(start, filled - start).CopyTo(buffer);
            filled -= start;
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    private static long NowMicroseconds() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>VmRSS of the process, in bytes.</summary>
    private static long Rss(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    /// <summary>User plus system CPU of the process, in clock ticks (1/100 s).</summary>
    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The GC heap after the last collection (all generations), in MB, read with dotnet-counters.</summary>
    private static async Task<string> ManagedHeapAsync(string counters, int pid)
    {
        if (counters == "-")
        {
            return "n/a";
        }

        var csv = Path.Combine(Path.GetTempPath(), $"chatkit-open-streams-{pid}.csv");
        using var process = Process.Start(new ProcessStartInfo(counters,
            ["collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--counters", "System.Runtime[dotnet.gc.last_collection.heap.size]",
             "--refresh-interval", "1", "--duration", "00:00:00:03", "--format", "csv", "-o", csv]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (!File.Exists(csv))
        {
            return "n/a";
        }

        // Rows: timestamp,provider,counter [gc.heap.generation=genN],type,value; keep the last value per generation.
        var last = new Dictionary<string, double>();
        foreach (var row in File.ReadLines(csv).Skip(1).Select(l => l.Split(',')).Where(r => r.Length >= 5 && r[2].Contains("heap.size", StringComparison.Ordinal)))
        {
            last[row[2]] = double.Parse(row[^1], CultureInfo.InvariantCulture);
        }

        File.Delete(csv);
        return last.Count == 0 ? "n/a" : (last.Values.Sum() / 1048576).ToString("F0", CultureInfo.InvariantCulture);
    }
}
