using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ChatKitApp.HostedMode;

/// <summary>
/// OpenAI's ChatKit sessions API (<c>POST /v1/chatkit/sessions</c>), which the OpenAI .NET package
/// does not wrap, through a typed <see cref="HttpClient"/>. Failures of any kind come back as one
/// clear <see cref="ChatKitSessionResult.Error"/>, never as an exception with a provider's body.
/// </summary>
public sealed partial class ChatKitSessionClient(HttpClient http, IOptions<HostedSessionOptions> options, IConfiguration configuration, ILogger<ChatKitSessionClient> logger)
{
    /// <summary>Creates a session of the configured workflow for <paramref name="userId"/>.</summary>
    public async Task<ChatKitSessionResult> CreateAsync(string userId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var apiKey = settings.ApiKey is { Length: > 0 } key ? key : configuration["ChatKit:Model:ApiKey"];
        if (string.IsNullOrWhiteSpace(settings.WorkflowId) || string.IsNullOrWhiteSpace(apiKey))
        {
            return ChatKitSessionResult.Failed(StatusCodes.Status503ServiceUnavailable, "hosted_not_configured",
                "Hosted mode is not configured: set ChatKit:Hosted:WorkflowId and ChatKit:Hosted:ApiKey (or ChatKit:Model:ApiKey).");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint.TrimEnd('/') + "/chatkit/sessions")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["workflow"] = new JsonObject { ["id"] = settings.WorkflowId },
                ["user"] = userId,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        request.Headers.Add("OpenAI-Beta", "chatkit_beta=v1");

        JsonNode? body;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
            body = await ReadJsonAsync(response, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, ex);
            return ChatKitSessionResult.Failed(StatusCodes.Status502BadGateway, "upstream_unreachable", "The OpenAI ChatKit sessions API could not be reached.");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var message = body?["error"]?["message"]?.GetValue<string>() ?? body?["error"]?.ToString() ?? response.ReasonPhrase ?? "no details";
                LogUpstreamError(logger, (int)response.StatusCode, message);
                // The provider's words stay in the log: they can name the operator's key ("sk-…wxyz")
                // or workflow, which no browser user should see.
                return ChatKitSessionResult.Failed(StatusCodes.Status502BadGateway, "upstream_error",
                    $"The OpenAI ChatKit sessions API answered {(int)response.StatusCode}; the server log has the details.");
            }

            if (body?["client_secret"] is not JsonValue secret || secret.GetValueKind() != JsonValueKind.String)
            {
                return ChatKitSessionResult.Failed(StatusCodes.Status502BadGateway, "upstream_error", "The OpenAI ChatKit sessions API answered without a client_secret.");
            }

            return ChatKitSessionResult.Succeeded(secret.GetValue<string>(), body["expires_after"]?.DeepClone() ?? body["expires_at"]?.DeepClone());
        }
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return null; // an HTML error page from a proxy, say: the status still tells
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The OpenAI ChatKit sessions API could not be reached.")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The OpenAI ChatKit sessions API answered {Status}: {Message}")]
    private static partial void LogUpstreamError(ILogger logger, int status, string message);
}
