using ChatKitApp.Agents.Models;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatKitApp.Telemetry;

/// <summary>
/// OpenTelemetry for the app, the standard .NET way: traces (each HTTP request, each ChatKit
/// request, the store's database calls, the model calls with the GenAI conventions, outgoing HTTP),
/// metrics (ASP.NET Core, Kestrel, Npgsql, the model's token usage and duration, the app's own) and
/// logs (with trace and span ids), exported over OTLP. Export is on when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the SDK reads that and every other <c>OTEL_*</c>
/// setting (protocol, headers, intervals) itself. Without it nothing is registered, so nothing is
/// collected and nothing costs: the app's spans and instruments stay silent until someone listens
/// (<c>dotnet-counters</c> still can).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The standard OpenTelemetry setting that turns export on.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The app's traces and meters: the ChatKit engine's, and the model pipeline's (M.E.AI's <c>gen_ai.*</c>).</summary>
    public static IReadOnlyList<string> AppSources { get; } = [ChatKitTelemetry.SourceName, ChatModelServiceCollectionExtensions.TelemetrySourceName];

    public static WebApplicationBuilder AddChatKitTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.SectionName);
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.JsonConsole)
        {
            // Scopes carry the host's activity tracking: every line has its TraceId and SpanId.
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        if (!IsExportConfigured(builder.Configuration))
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        builder.Services.AddOpenTelemetry()
            // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, when set, win over the default name.
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName).AddEnvironmentVariableDetector())
            .WithTracing(tracing => tracing
                .AddSource([.. AppSources])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter([.. AppSources])
                .AddAspNetCoreInstrumentation() // Microsoft.AspNetCore.Hosting, Routing, Diagnostics, RateLimiting…
                .AddMeter("Microsoft.AspNetCore.Server.Kestrel")
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation())
            .UseOtlpExporter(); // traces, metrics and logs; endpoint and protocol from the OTEL_* settings
        return builder;
    }

    /// <summary>Whether the OTLP endpoint is set (in the environment or any other configuration source).</summary>
    public static bool IsExportConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
}
