using System.ComponentModel.DataAnnotations;

namespace ChatKitApp.Components.Chat;

/// <summary>Where the element comes from and how the page talks to the backend (<c>ChatKit:Frontend</c>).</summary>
public sealed class ChatKitFrontendOptions
{
    public const string SectionName = "ChatKit:Frontend";

    /// <summary>Auto: an element already on the page, else the CDN, else ours. Cdn or Local force one.</summary>
    public ChatKitElementSource Source { get; set; } = ChatKitElementSource.Auto;

    [Required]
    [Url]
    public string CdnUrl { get; set; } = "https://cdn.platform.openai.com/deployments/chatkit/chatkit.js";

    /// <summary>The module that defines our own element.</summary>
    [Required]
    public string LocalUrl { get; set; } = "/chatkit/chatkit.js";

    /// <summary>How long to wait for the CDN element before falling back.</summary>
    [Range(0, 60_000)]
    public int LoadTimeoutMs { get; set; } = 5000;

    /// <summary>The domain key registered with OpenAI for this site (the CDN element checks it).</summary>
    public string DomainKey { get; set; } = "local-dev";

    [Required]
    public string ApiUrl { get; set; } = "/chatkit";

    /// <summary>SelfHosted (this app answers) or Hosted (OpenAI answers; see <c>ChatKit:Hosted</c>).</summary>
    public ChatKitFrontendMode Mode { get; set; } = ChatKitFrontendMode.SelfHosted;

    /// <summary>
    /// Upload attachments in one request to <c>{ApiUrl}/attachments</c> (the direct strategy) instead
    /// of <c>attachments.create</c> followed by an upload to the returned descriptor (two-phase).
    /// </summary>
    public bool DirectUpload { get; set; }
}
