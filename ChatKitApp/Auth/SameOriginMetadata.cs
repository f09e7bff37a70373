namespace ChatKitApp.Auth;

/// <summary>Marks an endpoint whose unsafe requests must come from this site (see <see cref="SameOriginMiddleware"/>).</summary>
public sealed class SameOriginMetadata
{
    public static SameOriginMetadata Instance { get; } = new();
}
