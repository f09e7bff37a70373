using Microsoft.Extensions.Options;

namespace ChatKitApp.Agents.Models;

/// <summary>Fails start-up with a readable message instead of failing the first chat.</summary>
public sealed class ChatModelOptionsValidator : IValidateOptions<ChatModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatModelOptions options)
    {
        var failures = new List<string>();
        if (options.EffectiveProvider == ModelProvider.OpenAI)
        {
            if (string.IsNullOrWhiteSpace(options.Model))
            {
                failures.Add("ChatKit:Model:Model is required for the OpenAI provider.");
            }

            if (string.IsNullOrWhiteSpace(options.ApiKey) && string.IsNullOrWhiteSpace(options.Endpoint))
            {
                // Only a custom endpoint (a local server) may go without a key.
                failures.Add("ChatKit:Model:ApiKey is required when ChatKit:Model:Endpoint is not set.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.TranscriptionModel) && options.EffectiveProvider != ModelProvider.OpenAI)
        {
            // The demo and echo models cannot hear; a set model that silently did nothing would mislead.
            failures.Add($"ChatKit:Model:TranscriptionModel needs the OpenAI provider (an ApiKey or Provider=OpenAI), not {options.EffectiveProvider}.");
        }

        if (!string.IsNullOrWhiteSpace(options.Endpoint)
            && !(Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"ChatKit:Model:Endpoint '{options.Endpoint}' is not an absolute http(s) URL.");
        }

        Check(failures, options.HistoryItems, 1, 1000, nameof(options.HistoryItems));
        Check(failures, options.MaxToolRounds, 1, 50, nameof(options.MaxToolRounds));
        Check(failures, options.MaxRetries, 0, 10, nameof(options.MaxRetries));
        Check(failures, options.MaxRetryWaitSeconds, 0, 600, nameof(options.MaxRetryWaitSeconds));
        Check(failures, options.NetworkTimeoutSeconds, 1, 3600, nameof(options.NetworkTimeoutSeconds));
        Check(failures, options.TitleTimeoutSeconds, 1, 300, nameof(options.TitleTimeoutSeconds));
        Check(failures, options.DemoWordDelayMilliseconds, 0, 5000, nameof(options.DemoWordDelayMilliseconds));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, int value, int min, int max, string setting)
    {
        if (value < min || value > max)
        {
            failures.Add($"ChatKit:Model:{setting} must be between {min} and {max} (was {value}).");
        }
    }
}
