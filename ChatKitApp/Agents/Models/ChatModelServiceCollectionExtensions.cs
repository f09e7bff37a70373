using System.ClientModel;
using ChatKitApp.Hosting;
using ChatKitApp.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenAI;

namespace ChatKitApp.Agents.Models;

public static class ChatModelServiceCollectionExtensions
{
    /// <summary>The name of the app's traces and metrics, including the model calls.</summary>
    public const string TelemetrySourceName = "ChatKitApp";

    /// <summary>
    /// Registers <see cref="ChatModelOptions"/> (validated at start) and the <see cref="IChatClient"/>
    /// pipeline (function invocation, OpenTelemetry, logging) over OpenAI or the demo model.
    /// </summary>
    public static IServiceCollection AddChatModel(this IServiceCollection services)
    {
        services.AddOptions<ChatModelOptions>().BindConfiguration(ChatModelOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatModelOptions>, ChatModelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddCheck<ChatModelHealthCheck>("model", tags: [HealthEndpoints.ReadyTag]);
        services.AddChatClient(CreateProviderClient)
            .Use((inner, sp) => new FunctionInvokingChatClient(inner, sp.GetService<ILoggerFactory>(), sp)
            {
                MaximumIterationsPerRequest = sp.GetRequiredService<IOptions<ChatModelOptions>>().Value.MaxToolRounds,
            })
            .Use((inner, sp) => new OpenTelemetryChatClient(inner, sp.GetService<ILogger<OpenTelemetryChatClient>>(), TelemetrySourceName)
            {
                // Message content in spans only when an operator turned it on (ChatKit:Telemetry).
                EnableSensitiveData = sp.GetService<IOptions<TelemetryOptions>>()?.Value.EnableSensitiveData ?? false,
            })
            .UseLogging();
        return services;
    }

    /// <summary>The innermost client: OpenAI's SDK (Chat Completions or Responses) or the demo model.</summary>
    public static IChatClient CreateProviderClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ChatModelOptions>>().Value;
        if (options.EffectiveProvider == ModelProvider.Echo)
        {
            return new EchoChatClient();
        }

        if (options.EffectiveProvider == ModelProvider.Demo)
        {
            return new DemoChatClient(services.GetRequiredService<TimeProvider>(), TimeSpan.FromMilliseconds(options.DemoWordDelayMilliseconds));
        }

        var openAI = CreateOpenAIClient(options, services.GetRequiredService<TimeProvider>());
#pragma warning disable OPENAI001 // the Responses client is marked experimental in the SDK
        return options.Api == ModelApi.Responses
            ? openAI.GetResponsesClient().AsIChatClient(options.Model)
            : openAI.GetChatClient(options.Model).AsIChatClient();
#pragma warning restore OPENAI001
    }

    /// <summary>OpenAI's SDK client for the configured endpoint and key, with the app's timeout and retries.</summary>
    public static OpenAIClient CreateOpenAIClient(ChatModelOptions options, TimeProvider time)
    {
        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = TimeSpan.FromSeconds(options.NetworkTimeoutSeconds),
            RetryPolicy = new ProviderRetryPolicy(options.MaxRetries, TimeSpan.FromSeconds(options.MaxRetryWaitSeconds), time),
        };
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            clientOptions.Endpoint = new Uri(options.Endpoint);
        }

        // Local servers take no key, but the SDK insists on a credential.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), clientOptions);
    }
}
