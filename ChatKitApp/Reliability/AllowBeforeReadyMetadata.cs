namespace ChatKitApp.Reliability;

/// <summary>Marks an endpoint that answers while the database is not ready yet (see <see cref="OutageMiddleware"/>).</summary>
internal sealed class AllowBeforeReadyMetadata
{
    public static readonly AllowBeforeReadyMetadata Instance = new();
}
