using System.Diagnostics;
using System.Text;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// What a child process writes to stdout and stderr, collected line by line as it arrives (the
/// two streams are read on their own threads), for failure messages.
/// </summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

    /// <summary>Collects <paramref name="process"/>'s output; call before it starts, then <see cref="BeginReading"/>.</summary>
    public ProcessOutput(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    /// <summary>Starts reading both streams of a started process.</summary>
    public static void BeginReading(Process process)
    {
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
        }
    }
}
