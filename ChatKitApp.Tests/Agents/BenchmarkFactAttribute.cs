namespace ChatKitApp.Tests.Agents;

/// <summary>A measurement run by hand (<c>CHATKIT_BENCH=1 dotnet test --filter Category=Benchmark</c>); skipped otherwise, since timings are no test.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CHATKIT_BENCH") != "1")
        {
            Skip = "Benchmark: set CHATKIT_BENCH=1 to run.";
        }
    }
}
