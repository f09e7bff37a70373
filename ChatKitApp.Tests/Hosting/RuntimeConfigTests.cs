using System.Text.Json;

namespace ChatKitApp.Tests.Hosting;

/// <summary>Runtime settings the app's build writes into ChatKitApp.runtimeconfig.json.</summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void App_runs_on_the_workstation_gc()
    {
        // The Web SDK defaults to the server GC, whose pauses on a 2-core host tripled the stream
        // tail latency (eng/bench.sh). A misspelt MSBuild property once left it on silently, so
        // the built file itself is checked, not the project's intent.
        var path = Path.Combine(AppContext.BaseDirectory, "ChatKitApp.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
    }
}
