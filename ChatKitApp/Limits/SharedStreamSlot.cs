namespace ChatKitApp.Limits;

/// <summary>
/// One open stream as the shared store counts it: under the user's scope, the client address's
/// scope, or both (a null scope is not counted; its cap is off or there is no address).
/// </summary>
public sealed record SharedStreamSlot(Guid Id, string? UserScope, int MaxPerUser, string? AddressScope, int MaxPerAddress)
{
    /// <summary>The scopes counted, each with its cap, user first (stores lock them in this order).</summary>
    public IEnumerable<(string Scope, int Max, StreamCap Cap)> Scopes()
    {
        if (UserScope is not null)
        {
            yield return (UserScope, MaxPerUser, StreamCap.User);
        }

        if (AddressScope is not null)
        {
            yield return (AddressScope, MaxPerAddress, StreamCap.Address);
        }
    }
}
