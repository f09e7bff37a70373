using ChatKitApp.Agents.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Agents.Models;

public sealed class ChatModelHealthCheckTests
{
    [Fact]
    public async Task A_complete_provider_configuration_is_healthy()
    {
        var result = await CheckAsync(new ChatModelOptions { Provider = ModelProvider.OpenAI, ApiKey = "sk-test" });

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task An_openai_provider_without_key_or_endpoint_is_unhealthy_naming_the_setting()
    {
        var result = await CheckAsync(new ChatModelOptions { Provider = ModelProvider.OpenAI });

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("ChatKit:Model:ApiKey", result.Description, StringComparison.Ordinal);
    }

    private static Task<HealthCheckResult> CheckAsync(ChatModelOptions options)
    {
        var check = new ChatModelHealthCheck(new StaticMonitor(options));
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("model", check, HealthStatus.Unhealthy, tags: null) };
        return check.CheckHealthAsync(context, CancellationToken.None);
    }

    private sealed class StaticMonitor(ChatModelOptions value) : IOptionsMonitor<ChatModelOptions>
    {
        public ChatModelOptions CurrentValue => value;

        public ChatModelOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ChatModelOptions, string?> listener) => null;
    }
}
