using System.ComponentModel.DataAnnotations;
using ChatKitApp.Agents.Guardrails;
using ChatKitApp.Agents.Models;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.Tests.Agents.Turn;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Agents.Guardrails;

/// <summary>The guardrail middleware around the agent, against the fake OpenAI server.</summary>
public sealed class GuardrailTests
{
    private static readonly Dictionary<string, string?> Guarded = new()
    {
        ["ChatKit:Guardrails:BlockedTerms:0"] = "forbidden",
        ["ChatKit:Guardrails:BlockedTerms:1"] = "top secret",
        ["ChatKit:Guardrails:MaxInputChars"] = "40",
    };

    [Fact]
    public async Task Input_with_a_blocked_term_is_answered_in_the_stream_without_a_provider_request()
    {
        // Model calls are counted when asked for, not when they reach the server: a title request
        // started and cancelled at once would slip past the fake.
        var calls = 0;
        await using var harness = await AgentHarness.StartAsync(Guarded, services => services.AddSingleton<IChatClient>(sp =>
            new ChatClientBuilder(ChatModelServiceCollectionExtensions.CreateProviderClient(sp))
                .Use((messages, options, next, cancellationToken) =>
                {
                    Interlocked.Increment(ref calls);
                    return next(messages, options, cancellationToken);
                })
                .Build(sp)));

        var events = await harness.CreateThreadAsync("Tell me the FORBIDDEN thing");

        Assert.Equal(0, calls); // neither the reply nor a title
        Assert.Empty(harness.Fake!.Requests);
        var error = events.OfType<ErrorEvent>().Single();
        Assert.Equal(ErrorCodes.Custom, error.Code);
        Assert.False(error.AllowRetry);
        Assert.Contains("blocked term", error.Message, StringComparison.Ordinal);
        var stored = await harness.ItemsAsync(OpenAIAgentTests.ThreadIdOf(events));
        Assert.Equal("Tell me the FORBIDDEN thing", Assert.IsType<UserMessageTextContent>(Assert.IsType<UserMessageItem>(Assert.Single(stored)).Content.Single()).Text);
    }

    [Fact]
    public async Task Refused_message_in_a_later_turn_is_withheld_from_the_provider()
    {
        await using var harness = await AgentHarness.StartAsync(Guarded);
        var refused = await harness.CreateThreadAsync("Tell me the FORBIDDEN thing");
        var threadId = OpenAIAgentTests.ThreadIdOf(refused);
        harness.Fake!.Enqueue(FakeReply.Text("Sure."), FakeReply.Text("A title"));

        var events = await harness.AddUserMessageAsync(threadId, "What is ChatKit?");

        Assert.Empty(events.OfType<ErrorEvent>());
        var bodies = harness.Fake.Requests.Select(r => r.Body.ToJsonString()).ToList();
        Assert.NotEmpty(bodies);
        Assert.All(bodies, body => Assert.DoesNotContain("FORBIDDEN", body, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(bodies, body => body.Contains("What is ChatKit?", StringComparison.Ordinal) && body.Contains("withheld", StringComparison.Ordinal));
        Assert.Equal(3, (await harness.ItemsAsync(threadId)).Count(item => item is UserMessageItem or AssistantMessageItem)); // both messages kept, one reply
    }

    [Fact]
    public async Task Input_longer_than_the_limit_is_refused_before_the_provider()
    {
        await using var harness = await AgentHarness.StartAsync(Guarded);

        var events = await harness.CreateThreadAsync(new string('a', 41));

        Assert.Empty(harness.Fake!.Requests);
        Assert.Contains("too long", events.OfType<ErrorEvent>().Single().Message, StringComparison.Ordinal);
        Assert.IsType<UserMessageItem>(Assert.Single(await harness.ItemsAsync(OpenAIAgentTests.ThreadIdOf(events))));
    }

    [Fact]
    public async Task Output_guardrail_tripping_mid_reply_removes_the_partial_item_and_says_why()
    {
        await using var harness = await AgentHarness.StartAsync(Guarded);
        harness.Fake!.Enqueue(FakeReply.Text("The answer ", "is top ", "secret: ", "42."));

        var events = await harness.CreateThreadAsync("What is the answer?");

        var added = events.OfType<ThreadItemAddedEvent>().Select(a => a.Item).OfType<AssistantMessageItem>().Single();
        var deltas = events.OfType<ThreadItemUpdatedEvent>().Select(u => u.Update).OfType<AssistantMessageContentPartTextDelta>().Select(d => d.Delta);
        Assert.Equal(["The answer ", "is top "], deltas); // the piece that completed the term was never shown
        var removed = events.OfType<ThreadItemRemovedEvent>().Single();
        Assert.Equal(added.Id, removed.ItemId);
        Assert.True(events.IndexOf(removed) < events.FindIndex(e => e is ErrorEvent));
        Assert.Contains("withdrawn", events.OfType<ErrorEvent>().Single().Message, StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e is ThreadItemDoneEvent { Item: AssistantMessageItem });
        var stored = await harness.ItemsAsync(OpenAIAgentTests.ThreadIdOf(events));
        Assert.IsType<UserMessageItem>(Assert.Single(stored));
    }

    [Theory]
    [InlineData("a forbidden word", true)]
    [InlineData("Forbidden!", true)]
    [InlineData("it is TOP   SECRET", false)] // a phrase matches as written
    [InlineData("it is top secret.", true)]
    [InlineData("forbiddenness is fine", false)]
    [InlineData("unforbidden", false)]
    public async Task Blocked_terms_match_whole_words_in_any_case(string text, bool blocked)
    {
        var guardrail = new BlockedTermsGuardrail(Options.Create(new GuardrailOptions { BlockedTerms = ["forbidden", "top secret"] }));

        var reason = await guardrail.CheckInputAsync(text, CancellationToken.None);

        Assert.Equal(blocked, reason is not null);
    }

    [Fact]
    public void Options_with_an_empty_term_or_a_negative_limit_are_invalid()
    {
        var options = new GuardrailOptions { BlockedTerms = ["ok", " "], MaxInputChars = -1 };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(GuardrailOptions.MaxInputChars)));
    }

    [Fact]
    public void Middleware_with_the_built_in_guardrails_turned_off_runs_the_agent_unwrapped()
    {
        var options = Options.Create(new GuardrailOptions());
        var middleware = new GuardrailMiddleware([new MaxInputCharsGuardrail(options), new BlockedTermsGuardrail(options)]);
        var agent = new ChatClientAgent(new EchoChatClient(TimeProvider.System, TimeSpan.Zero));

        Assert.Same(agent, middleware.Wrap(agent));
    }

    [Fact]
    public void Middleware_with_only_an_input_limit_wraps_the_agent()
    {
        var options = Options.Create(new GuardrailOptions { MaxInputChars = 40 });
        var middleware = new GuardrailMiddleware([new MaxInputCharsGuardrail(options), new BlockedTermsGuardrail(options)]);
        var agent = new ChatClientAgent(new EchoChatClient(TimeProvider.System, TimeSpan.Zero));

        Assert.NotSame(agent, middleware.Wrap(agent));
    }
}
