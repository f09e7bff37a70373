namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// Tests whose app listens to process-wide telemetry sources (ASP.NET Core, Npgsql, HttpClient):
/// such a listener sees the spans of every test running beside it, whose volume can overflow the
/// exporter's queue and drop the test's own. They run alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTelemetryCollection
{
    public const string Name = "Process-wide telemetry";
}
