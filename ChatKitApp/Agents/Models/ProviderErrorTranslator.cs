using System.ClientModel;
using System.Net.Http;
using ChatKitApp.ChatKit.Server;

namespace ChatKitApp.Agents.Models;

/// <summary>
/// Turns a failed model call into the error the user sees: a clear message, and a Retry button only
/// where trying again can help (rate limits, provider outages, timeouts, dropped connections).
/// </summary>
public static class ProviderErrorTranslator
{
    /// <summary>
    /// The user-facing error for <paramref name="exception"/>, or null when it is not a provider
    /// failure. <paramref name="cancelledByCaller"/> tells a Stop (not an error) from a timeout.
    /// </summary>
    public static CustomStreamErrorException? Translate(Exception exception, bool cancelledByCaller)
    {
        if (cancelledByCaller)
        {
            return null;
        }

        return exception switch
        {
            ClientResultException { Status: 401 or 403 } e => Error(
                $"The model provider refused the app's credentials (HTTP {e.Status}). Ask the site's administrator to check the API key.", retry: false),
            ClientResultException { Status: 429 } => Error(
                "The model provider is rate limiting requests (HTTP 429). Wait a moment and try again.", retry: true),
            ClientResultException { Status: 408 or >= 500 } e => Error(
                $"The model provider had a problem (HTTP {e.Status}). Try again in a moment.", retry: true),
            ClientResultException { Status: 404 } => Error(
                "The model provider does not know the configured model or endpoint (HTTP 404).", retry: false),
            ClientResultException { Status: > 0 } e => Error(
                $"The model provider rejected the request (HTTP {e.Status}).", retry: false),
            OperationCanceledException or TimeoutException => Error(
                "The model provider did not answer in time. Try again.", retry: true),
            ClientResultException or HttpRequestException or IOException => Error(
                "The connection to the model provider was interrupted. Try again.", retry: true),
            System.Text.Json.JsonException => Error(
                "The model provider sent a reply the app could not read. Try again.", retry: true),
            _ => null,
        };
    }

    private static CustomStreamErrorException Error(string message, bool retry) => new(message, retry);
}
