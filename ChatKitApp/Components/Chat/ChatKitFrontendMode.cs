namespace ChatKitApp.Components.Chat;

/// <summary>Who answers the element.</summary>
public enum ChatKitFrontendMode
{
    /// <summary>This app's own backend at <c>ApiUrl</c> (the default).</summary>
    SelfHosted,

    /// <summary>
    /// OpenAI's hosted backend running an Agent Builder workflow: the element asks
    /// <c>/api/chatkit/session</c> (and <c>/refresh</c>) for a client secret. Needs the CDN element.
    /// </summary>
    Hosted,
}
