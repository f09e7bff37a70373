using System.ComponentModel.DataAnnotations;

namespace ChatKitApp.Auth;

/// <summary>How many guest users one client address may create (<c>ChatKit:Limits</c>, beside the other limits).</summary>
public sealed class GuestLimitOptions
{
    public const string SectionName = "ChatKit:Limits";

    /// <summary>
    /// New guests one client address (an IPv4 address or an IPv6 /64) may create per
    /// <see cref="NewGuestsWindow"/>; past it, a page visit without a cookie gets 429 and no guest.
    /// Keep room for networks where many people share one address (offices, mobile carriers).
    /// 0 turns the limit off.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = "ChatKit:Limits:NewGuestsPerAddress must be between 0 (off) and 1000000.")]
    public int NewGuestsPerAddress { get; set; } = 20;

    /// <summary>The window <see cref="NewGuestsPerAddress"/> counts in (fixed, per address).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "ChatKit:Limits:NewGuestsWindow must be between one second and one day.")]
    public TimeSpan NewGuestsWindow { get; set; } = TimeSpan.FromMinutes(10);
}
