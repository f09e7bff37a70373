using System.ComponentModel.DataAnnotations;

namespace ChatKitApp.HostedMode;

/// <summary>
/// Hosted mode (<c>ChatKit:Hosted</c>): the element talks to OpenAI's hosted ChatKit backend with a
/// short-lived client secret that this app creates for the signed-in user.
/// </summary>
public sealed class HostedSessionOptions
{
    public const string SectionName = "ChatKit:Hosted";

    /// <summary>The Agent Builder workflow the sessions run (<c>wf_…</c>).</summary>
    public string WorkflowId { get; set; } = "";

    /// <summary>The OpenAI API key; empty falls back to <c>ChatKit:Model:ApiKey</c>.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The OpenAI API base URL, with its <c>/v1</c>.</summary>
    [Required]
    [Url]
    public string Endpoint { get; set; } = "https://api.openai.com/v1";

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}
