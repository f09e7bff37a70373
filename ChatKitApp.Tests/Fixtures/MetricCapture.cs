using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// Listens to the instruments of one meter name and keeps every measurement with the meter's scope;
/// <see cref="Of"/> picks those of one app (its <see cref="IMeterFactory"/>), since apps of other
/// tests in this process publish under the same name.
/// </summary>
public sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricCapture(string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements of <paramref name="instrument"/> made by meters of <paramref name="meters"/>.</summary>
    public IReadOnlyList<Measurement> Of(IMeterFactory meters, string instrument) =>
        [.. _measurements.Where(m => ReferenceEquals(m.Scope, meters) && m.Instrument == instrument)];

    public void Dispose() => _listener.Dispose();

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new Measurement(instrument.Meter.Scope, instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    /// <summary>One measurement: its value and tags.</summary>
    public sealed record Measurement(object? Scope, string Instrument, double Value, Dictionary<string, object?> Tags);
}
