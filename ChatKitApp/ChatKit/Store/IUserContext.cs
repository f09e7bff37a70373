namespace ChatKitApp.ChatKit.Store;

/// <summary>A request context that names its user, so stores can keep users apart.</summary>
public interface IUserContext
{
    string UserId { get; }
}
