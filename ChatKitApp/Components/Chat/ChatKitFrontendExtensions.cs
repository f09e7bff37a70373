using ChatKitApp.Hosting;

namespace ChatKitApp.Components.Chat;

public static class ChatKitFrontendExtensions
{
    /// <summary>
    /// Binds <see cref="ChatKitFrontendOptions"/> (<c>ChatKit:Frontend</c>): where the chat panel
    /// loads the element from and how it talks to the backend; the CSP reads the CDN origin from it.
    /// </summary>
    public static WebApplicationBuilder AddChatKitFrontend(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ChatKitFrontendOptions>(ChatKitFrontendOptions.SectionName);
        return builder;
    }
}
