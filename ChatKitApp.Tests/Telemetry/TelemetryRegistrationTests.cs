using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatKitApp.Tests.Telemetry;

/// <summary>What <c>AddChatKitTelemetry</c> registers, by setting: nothing of OpenTelemetry without an OTLP endpoint.</summary>
public sealed class TelemetryRegistrationTests
{
    [Fact]
    public async Task Without_the_otlp_endpoint_no_provider_and_no_exporter_is_registered()
    {
        // Empty wins over any OTEL_EXPORTER_OTLP_ENDPOINT in the environment of the machine running the tests.
        await using var app = new ChatKitAppFactory(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "" });
        using var client = app.CreateClient(); // builds the host

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.DoesNotContain(app.Services.GetServices<ILoggerProvider>(), p => p is OpenTelemetryLoggerProvider);
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s.GetType().Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("grpc")]
    [InlineData("http/protobuf")]
    public async Task With_the_otlp_endpoint_set_traces_metrics_and_logs_are_exported(string protocol)
    {
        await using var app = new ChatKitAppFactory(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9", // the discard port: nothing listens, exports fail quietly
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol,
        });
        using var client = app.CreateClient();

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.Contains(app.Services.GetServices<ILoggerProvider>(), p => p is OpenTelemetryLoggerProvider);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public async Task Model_spans_carry_message_content_only_when_the_sensitive_data_switch_is_on(string? setting, bool expected)
    {
        await using var app = new ChatKitAppFactory(Setting("ChatKit:Telemetry:EnableSensitiveData", setting));

        var telemetry = app.Services.GetRequiredService<IChatClient>().GetService<OpenTelemetryChatClient>();

        Assert.NotNull(telemetry);
        Assert.Equal(expected, telemetry.EnableSensitiveData);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    public async Task The_json_console_switch_makes_the_console_log_one_json_object_per_line(string? setting, bool json)
    {
        await using var app = new ChatKitAppFactory(Setting("ChatKit:Telemetry:JsonConsole", setting));

        var console = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        Assert.Equal(json, console.FormatterName == ConsoleFormatterNames.Json);
    }

    [Fact]
    public async Task A_telemetry_switch_that_is_no_boolean_stops_the_app_naming_the_key()
    {
        await using var app = new ChatKitAppFactory(new Dictionary<string, string?> { ["ChatKit:Telemetry:EnableSensitiveData"] = "sometimes" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("EnableSensitiveData", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The one setting, or none (the default) for null.</summary>
    private static Dictionary<string, string?> Setting(string key, string? value) => value is null ? [] : new() { [key] = value };
}
