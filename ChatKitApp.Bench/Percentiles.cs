namespace ChatKitApp.Bench;

/// <summary>p50/p90/p99 of a set of timings.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(quantile * (sorted.Count - 1)))];
    }

    public static string Summary(IReadOnlyList<double> values) =>
        $"p50 {Of(values, 0.5):F3} ms, p90 {Of(values, 0.9):F3} ms, p99 {Of(values, 0.99):F3} ms (n={values.Count})";
}
