using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>The whole app in process (TestServer), with configuration overrides such as <c>ConnectionStrings:ChatKit</c>.</summary>
public sealed class ChatKitAppFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>The app on PostgreSQL at <paramref name="connectionString"/>.</summary>
    public static ChatKitAppFactory OnPostgres(string connectionString) => new(new Dictionary<string, string?> { ["ConnectionStrings:ChatKit"] = connectionString });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program composes services,
        // which is when the store is chosen.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
