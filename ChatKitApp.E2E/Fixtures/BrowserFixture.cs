using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChatKitApp.E2E.Fixtures;

/// <summary>
/// One app and one headless Debian Chromium for the whole E2E collection. A missing browser is a
/// failure, never a skip: these tests are the proof that the UI works.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>The account the app's operator view (<c>/admin</c>) lets in; a test registers it.</summary>
    public const string AdminEmail = "operator@e2e.example";

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    private readonly Action<IServiceCollection>? _testServices;

    public BrowserFixture()
        : this(null)
    {
    }

    /// <summary>For collections that need the app's services changed (test responders and the like).</summary>
    protected BrowserFixture(Action<IServiceCollection>? testServices) => _testServices = testServices;

    public KestrelAppFactory App { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at '{chromium}'. Run eng/test.sh, which installs it.");
        }

        Database = await TestDatabase.CreateAsync();
        App = new KestrelAppFactory(
            new()
            {
                ["ChatKit:Frontend:Source"] = "Local",
                ["ConnectionStrings:ChatKit"] = Database.ConnectionString,
                ["ChatKit:Admin:Emails:0"] = AdminEmail,
            },
            _testServices);
        BaseUrl = App.BaseUrl;
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // A generated microphone, granted without a prompt, for the dictation tests.
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies and storage) and page, with console errors collected.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 860 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("ERR_NAME_NOT_RESOLVED", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (context, page, errors);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
