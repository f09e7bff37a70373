using System.ComponentModel.DataAnnotations;

namespace ChatKitApp.Reliability;

/// <summary>How outages of the database are answered and logged, bound from <c>ChatKit:Outages</c>.</summary>
public sealed class OutageOptions
{
    public const string SectionName = "ChatKit:Outages";

    /// <summary>The <c>Retry-After</c> of a 503 answer, in seconds.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>
    /// While an outage lasts, at most one summary line ("N requests failed in the last Xs") per
    /// interval; the first failure is logged with its exception, the rest only counted.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan LogSummaryInterval { get; set; } = TimeSpan.FromSeconds(5);
}
