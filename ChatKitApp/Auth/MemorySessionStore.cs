namespace ChatKitApp.Auth;

/// <summary>Sessions in memory, for runs without a database; lost on restart like the accounts they belong to.</summary>
public sealed class MemorySessionStore : ISessionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, UserSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _retiredGuests = new(StringComparer.Ordinal);

    public Task CreateAsync(UserSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            foreach (var expired in _sessions.Values.Where(s => s.UserId == session.UserId && s.ExpiresAt <= now).ToList())
            {
                _sessions.Remove(expired.SessionId);
            }

            _sessions[session.SessionId] = session;
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsLiveAsync(string sessionId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_sessions.TryGetValue(sessionId, out var session) && session.UserId == userId && session.ExpiresAt > now);
        }
    }

    public Task ExtendAsync(string sessionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_sessions.TryGetValue(sessionId, out var session))
            {
                _sessions[sessionId] = session with { ExpiresAt = expiresAt };
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string sessionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _sessions.Remove(sessionId);
        }

        return Task.CompletedTask;
    }

    public Task RetireGuestAsync(string userId, DateTimeOffset now, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var (id, _) in _retiredGuests.Where(r => r.Value < forgetBefore).ToList())
            {
                _retiredGuests.Remove(id);
            }

            _retiredGuests[userId] = now;
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsGuestRetiredAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_retiredGuests.ContainsKey(userId));
        }
    }
}
