using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>The keep-alive comments of a quiet stream, on a clock the test moves.</summary>
public sealed class SseKeepAliveTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly FakeTimeProvider _time = new();
    private readonly Pipe _pipe = new();

    [Fact]
    public async Task Silence_of_the_interval_sends_a_keep_alive_comment_and_the_event_ends_the_wait()
    {
        using var writer = new SseWriter(_pipe.Writer);
        var next = new TaskCompletionSource<bool>();

        var waiting = new SseKeepAlive(Interval, _time).WaitAsync(next.Task, writer, CancellationToken.None);
        _time.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.False(_pipe.Reader.TryRead(out _)); // shorter silences send nothing
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(": keep-alive\n\n", await ReadAsync(_pipe.Reader));
        next.SetResult(true);
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        _time.Advance(Interval * 3);
        Assert.False(_pipe.Reader.TryRead(out _)); // the wait is over: no timer writes any more
    }

    [Fact]
    public async Task Zero_interval_sends_nothing()
    {
        using var writer = new SseWriter(_pipe.Writer);
        var next = new TaskCompletionSource<bool>();

        var waiting = new SseKeepAlive(TimeSpan.Zero, _time).WaitAsync(next.Task, writer, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(_pipe.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Client_gone_at_a_keep_alive_gives_false_without_waiting_for_the_event()
    {
        using var writer = new SseWriter(_pipe.Writer);
        await _pipe.Reader.CompleteAsync(); // the client has gone away
        var next = new TaskCompletionSource<bool>();

        var waiting = new SseKeepAlive(Interval, _time).WaitAsync(next.Task, writer, CancellationToken.None);
        _time.Advance(Interval);

        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(next.Task.IsCompleted);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("3601")]
    public void Keep_alive_seconds_out_of_range_fail_validation_naming_the_setting(string seconds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ChatKit:Limits:KeepAliveSeconds"] = seconds }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddChatKit<ChatKitRequestContext, ScriptedChatKitServer>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ChatKitLimits>>().Value);

        Assert.Contains(nameof(ChatKitLimits.KeepAliveSeconds), error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(PipeReader reader)
    {
        var read = await reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var text = Encoding.UTF8.GetString(read.Buffer.ToArray());
        reader.AdvanceTo(read.Buffer.End);
        return text;
    }
}
