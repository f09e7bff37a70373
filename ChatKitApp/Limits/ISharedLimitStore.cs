namespace ChatKitApp.Limits;

/// <summary>
/// Where several app instances keep the counts behind <see cref="RateLimitOptions"/>, so a user's
/// budget is one budget however a load balancer spreads the requests: PostgreSQL
/// (<see cref="Postgres.PostgresSharedLimits"/>) or Redis (<see cref="Redis.RedisSharedLimits"/>).
/// Each call is one round trip and atomic on the server, so no instance ever reads a count and
/// writes it back.
/// </summary>
public interface ISharedLimitStore
{
    /// <summary>
    /// Counts one request of <paramref name="key"/> in the fixed window numbered
    /// <paramref name="window"/> (Unix time divided by <paramref name="windowLength"/>) and returns
    /// the window's count including this one.
    /// </summary>
    ValueTask<long> CountRequestAsync(string key, long window, TimeSpan windowLength, CancellationToken cancellationToken);

    /// <summary>
    /// Takes <paramref name="slot"/> if neither of its scopes is at its cap (open slots expired
    /// before <paramref name="now"/> do not count and are removed); the slot expires at
    /// <paramref name="expiresAt"/> unless renewed. Says which cap refused it, if one did.
    /// </summary>
    ValueTask<StreamCap> TryOpenStreamAsync(SharedStreamSlot slot, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Gives <paramref name="slot"/> back (its stream ended).</summary>
    ValueTask CloseStreamAsync(SharedStreamSlot slot, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the expiry of this instance's open <paramref name="slots"/> to <paramref name="expiresAt"/>
    /// and forgets what expired before <paramref name="now"/> (past windows, crashed instances' slots),
    /// in one round trip.
    /// </summary>
    ValueTask HeartbeatAsync(IReadOnlyCollection<SharedStreamSlot> slots, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
