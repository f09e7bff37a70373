using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>The whole app in memory (TestServer), with settings and an optional scripted server.</summary>
public sealed class ChatKitAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<ScriptedChatKitServer>? _script;

    public ChatKitAppFactory()
        : this(null)
    {
    }

    internal ChatKitAppFactory(Dictionary<string, string?>? settings, Action<ScriptedChatKitServer>? script = null)
    {
        _settings = settings ?? [];
        _script = script;
    }

    /// <summary>More registrations, after the app's own (a log capture, a clock).</summary>
    internal Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The app on PostgreSQL at <paramref name="connectionString"/>.</summary>
    public static ChatKitAppFactory OnPostgres(string connectionString) => new(new Dictionary<string, string?> { ["ConnectionStrings:ChatKit"] = connectionString });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program composes services,
        // which is when the store is chosen.
        builder.UseSetting("ChatKit:Model:DemoWordDelayMilliseconds", "0"); // the demo model answers without pauses
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }

        if (_script is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<ChatKitServer<ChatKitRequestContext>>(sp =>
            {
                var scripted = new ScriptedChatKitServer(sp.GetRequiredService<IChatKitStore<ChatKitRequestContext>>());
                _script(scripted);
                return scripted;
            }));
        }
    }
}
