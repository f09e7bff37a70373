using ChatKitApp.Agents.Models;

namespace ChatKitApp.Tests.Agents.Models;

public sealed class ChatModelOptionsTests
{
    [Fact]
    public void No_key_and_no_provider_means_the_demo_model()
    {
        Assert.Equal(ModelProvider.Demo, new ChatModelOptions().EffectiveProvider);
        Assert.Equal(ModelProvider.OpenAI, new ChatModelOptions { ApiKey = "sk-1" }.EffectiveProvider);
        Assert.Equal(ModelProvider.Demo, new ChatModelOptions { ApiKey = "sk-1", Provider = ModelProvider.Demo }.EffectiveProvider);
        Assert.True(new ChatModelOptionsValidator().Validate(null, new ChatModelOptions()).Succeeded);
    }

    [Fact]
    public void OpenAI_needs_a_key_unless_an_endpoint_is_given()
    {
        var validator = new ChatModelOptionsValidator();

        var noKey = validator.Validate(null, new ChatModelOptions { Provider = ModelProvider.OpenAI });
        var local = validator.Validate(null, new ChatModelOptions { Provider = ModelProvider.OpenAI, Endpoint = "http://localhost:11434/v1" });

        Assert.True(noKey.Failed);
        Assert.Contains("ApiKey", noKey.FailureMessage);
        Assert.True(local.Succeeded);
    }

    [Fact]
    public void Bad_endpoint_and_out_of_range_numbers_fail_validation()
    {
        var result = new ChatModelOptionsValidator().Validate(null, new ChatModelOptions { ApiKey = "k", Endpoint = "localhost:1234", HistoryItems = 0, Model = "", MaxRetryWaitSeconds = -1 });

        Assert.True(result.Failed);
        Assert.Contains("Endpoint", result.FailureMessage);
        Assert.Contains("HistoryItems", result.FailureMessage);
        Assert.Contains("MaxRetryWaitSeconds", result.FailureMessage);
        Assert.Contains("Model", result.FailureMessage);
    }

    [Fact]
    public void Negative_echo_delay_fails_validation()
    {
        var result = new ChatModelOptionsValidator().Validate(null, new ChatModelOptions { Provider = ModelProvider.Echo, EchoDelayMs = -1 });

        Assert.True(result.Failed);
        Assert.Contains("EchoDelayMs", result.FailureMessage);
        Assert.True(new ChatModelOptionsValidator().Validate(null, new ChatModelOptions { Provider = ModelProvider.Echo, EchoDelayMs = 50 }).Succeeded);
    }
}
