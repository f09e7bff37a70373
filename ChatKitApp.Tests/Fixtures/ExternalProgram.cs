using System.Diagnostics;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// A program the tests run but do not ship (redis-server, nginx), found through the environment
/// variable eng/test.sh sets, started in a temp directory of its own and killed on dispose. A missing
/// variable or program fails the test: behaviour that was never exercised must not pass quietly.
/// </summary>
public sealed class ExternalProgram : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;

    private ExternalProgram(Process process, string directory)
    {
        _process = process;
        _output = new ProcessOutput(process);
        Directory = directory;
    }

    /// <summary>The temp directory the program runs in (deleted on dispose).</summary>
    public string Directory { get; }

    /// <summary>What the program wrote so far, for failure messages.</summary>
    public string Output => _output.ToString();

    /// <summary>The program named by <paramref name="variable"/>; fails with a hint when it is not set or not there.</summary>
    public static string Locate(string variable)
    {
        var path = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"{variable} does not name a program ({path ?? "not set"}); run eng/test.sh, which installs it and sets {variable}.");
        }

        return path;
    }

    /// <summary>
    /// Starts the program of <paramref name="variable"/> with arguments built from its new temp
    /// directory, and waits until <paramref name="ready"/> says it serves.
    /// </summary>
    public static async Task<ExternalProgram> StartAsync(
        string variable, Func<string, IEnumerable<string>> arguments, Func<Task<bool>> ready, CancellationToken cancellationToken)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("chatkit-test-").FullName;
        var start = new ProcessStartInfo(Locate(variable))
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments(directory))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var program = new ExternalProgram(process, directory);
        process.Start();
        ProcessOutput.BeginReading(process);
        try
        {
            var waited = Stopwatch.StartNew();
            while (!await ready())
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{start.FileName} exited with code {process.ExitCode}:\n{program.Output}");
                }

                if (waited.Elapsed > TimeSpan.FromSeconds(20))
                {
                    throw new TimeoutException($"{start.FileName} was not ready within 20 s:\n{program.Output}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }

            return program;
        }
        catch
        {
            await program.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is a temp directory.
        }
    }

}
