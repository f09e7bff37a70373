using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// Starts the app with <paramref name="settings"/> and returns the options validation failure
    /// that stopped it (and fails the test when it started). WebApplicationFactory can lose that
    /// failure: the app's own thread fails its start and disposes the host, and when that happens
    /// before the factory has looked at the host, the factory reports only an
    /// ObjectDisposedException. The app did stop then too; only the message is lost, so a fresh
    /// app is started to read it (a handful of tries: the factory loses it rarely).
    /// </summary>
    public static OptionsValidationException StartupFailure(Dictionary<string, string?> settings)
    {
        const int Tries = 5;
        for (var attempt = 1; ; attempt++)
        {
            using var app = new ChatKitAppFactory(settings);
            Exception error;
            try
            {
                app.CreateClient().Dispose();
                throw new Xunit.Sdk.XunitException("The app started although a setting is invalid.");
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                error = e;
            }

            if (ValidationFailureIn(error) is { } validation)
            {
                return validation;
            }

            if (error is not ObjectDisposedException || attempt == Tries)
            {
                throw new Xunit.Sdk.XunitException($"The app did not stop on an options validation failure: {error}");
            }
        }
    }

    private static OptionsValidationException? ValidationFailureIn(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OptionsValidationException validation:
                    return validation;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Select(ValidationFailureIn).FirstOrDefault(v => v is not null);
            }
        }

        return null;
    }

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
