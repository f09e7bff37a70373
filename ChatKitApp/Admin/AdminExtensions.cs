using ChatKitApp.Hosting;

namespace ChatKitApp.Admin;

/// <summary>The operator view at <c>/admin</c> (the page is <c>Components/Pages/Admin.razor</c>).</summary>
public static class AdminExtensions
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<AdminOptions>(AdminOptions.SectionName)
            .Validate(o => o.Emails.All(AdminOptions.IsEmail), "ChatKit:Admin:Emails must list e-mail addresses (name@example.com).");
        builder.Services.AddSingleton<AdminAccess>();
        builder.Services.AddSingleton<AdminReport>();
        return builder;
    }
}
