namespace ChatKitApp.Telemetry;

/// <summary>
/// <c>ChatKit:Telemetry</c>: what the app's telemetry may contain and how its console log looks.
/// Where telemetry goes is OpenTelemetry's own standard settings (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>,
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c>, …), not these.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "ChatKit:Telemetry";

    /// <summary>
    /// Whether model spans carry the messages' content (the prompt, the user's words, the reply,
    /// tool arguments). Off by default: they are personal data, and spans go to whoever runs the collector.
    /// </summary>
    public bool EnableSensitiveData { get; set; }

    /// <summary>Whether the console log is one JSON object per line (with its trace and span ids) instead of text.</summary>
    public bool JsonConsole { get; set; }
}
