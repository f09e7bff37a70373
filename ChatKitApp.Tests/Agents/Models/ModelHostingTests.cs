using System.Net.Http.Json;
using ChatKitApp.Agents.Models;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Agents.Models;

/// <summary>The model settings as the running app reads them, through <c>POST /chatkit</c>.</summary>
public sealed class ModelHostingTests
{
    [Fact]
    public async Task App_without_settings_answers_with_the_demo_model()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("ChatKit:Model:DemoWordDelayMilliseconds", "0"));

        using var user = await UserClient.CreateGuestAsync(app);
        var body = await PostAsync(user.Http, "Hello");

        Assert.Equal(ModelProvider.Demo, app.Services.GetRequiredService<IOptions<ChatModelOptions>>().Value.EffectiveProvider);
        Assert.Contains("Demo ", body);
        Assert.Contains("\"type\":\"thread.item.done\",\"item\":{\"type\":\"assistant_message\"", body);
    }

    [Fact]
    public async Task App_configured_with_an_endpoint_streams_the_providers_answer()
    {
        await using var fake = await FakeOpenAIServer.StartAsync();
        fake.Enqueue(FakeReply.Text("From ", "the fake."));
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("ChatKit:Model:Endpoint", fake.BaseUrl)
            .UseSetting("ChatKit:Model:ApiKey", "sk-configured")
            .UseSetting("ChatKit:Model:Model", "configured-model")
            .UseSetting("ChatKit:Model:GenerateTitles", "false"));

        using var user = await UserClient.CreateGuestAsync(app);
        var body = await PostAsync(user.Http, "Hello");

        Assert.Contains("\"delta\":\"the fake.\"", body);
        var request = Assert.Single(fake.Requests);
        Assert.Equal("Bearer sk-configured", request.Authorization);
        Assert.Equal("configured-model", request.Body["model"]!.GetValue<string>());
    }

    [Fact]
    public void App_refuses_to_start_with_invalid_model_settings()
    {
        var error = ChatKitAppFactory.StartupFailure(new() { ["ChatKit:Model:Provider"] = "OpenAI" });
        Assert.Contains("ApiKey", error.Message);
    }

    [Fact]
    public async Task Chat_client_pipeline_invokes_functions_traces_and_logs()
    {
        await using var harness = await AgentHarness.StartAsync();
        var client = harness.Get<IChatClient>();

        Assert.NotNull(client.GetService<FunctionInvokingChatClient>());
        Assert.NotNull(client.GetService<OpenTelemetryChatClient>());
        Assert.NotNull(client.GetService<LoggingChatClient>());
        Assert.Equal("openai", client.GetService<ChatClientMetadata>()?.ProviderName);
    }

    private static async Task<string> PostAsync(HttpClient client, string text)
    {
        var request = ChatKitRequestJson.CreateThread(text);
        using var response = await client.PostAsJsonAsync("/chatkit", request);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
