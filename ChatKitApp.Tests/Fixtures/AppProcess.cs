using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// The built app (the ChatKitApp.dll the test project's build puts beside the test assembly) as a
/// child process on a loopback port: for tests that must kill it for real, which an in-process
/// host cannot survive. Settings go in as environment variables; inherited ChatKit, connection
/// string and ASP.NET Core variables are dropped so the machine's environment cannot change the app.
/// Disposing kills it, so a failing test leaks no process.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(45);
    private static readonly string[] DroppedVariablePrefixes = ["ChatKit__", "ConnectionStrings__", "ASPNETCORE_", "DOTNET_ENVIRONMENT"];

    private readonly Process _process;
    private readonly ProcessOutput _output;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        _output = new ProcessOutput(process);
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the app wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output => _output.ToString();

    /// <summary>Starts the app with <paramref name="settings"/> (configuration keys, <c>:</c> or <c>__</c>) and waits until /healthz answers.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory, // the content root: appsettings.json is copied here with the dll
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatKitApp.dll"));
        foreach (var name in start.Environment.Keys.Where(k => DroppedVariablePrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        // Development, as the in-process test hosts: elsewhere the auth cookie is Secure, and a
        // client on plain-http loopback would never send it back.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, baseAddress);
        process.Start();
        ProcessOutput.BeginReading(process);
        try
        {
            await app.WaitUntilHealthyAsync(cancellationToken);
            return app;
        }
        catch
        {
            app.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill(bool)"/> sends on Linux) to the app and anything it started; returns once it is gone.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            if (waited.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The app was not healthy within {StartTimeout.TotalSeconds} s:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet, or too busy starting to answer within the client's timeout.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }


    /// <summary>
    /// The dotnet host running the tests (so the app gets the same runtime), else the one on PATH.
    /// </summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>A loopback port nobody listens on now (the OS picks it; released just before the app binds it).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
