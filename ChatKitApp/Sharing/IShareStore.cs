namespace ChatKitApp.Sharing;

/// <summary>
/// Where share links live. A thread has at most one link; deleting the thread deletes its link
/// (PostgreSQL: a foreign key with ON DELETE CASCADE; memory: the link is dropped when found orphaned).
/// </summary>
public interface IShareStore
{
    /// <summary>
    /// Stores <paramref name="share"/> as its thread's link, replacing the link it had. False (and
    /// nothing stored) when the thread no longer exists.
    /// </summary>
    Task<bool> SaveAsync(SharedThread share, CancellationToken cancellationToken);

    /// <summary>Deletes the link of the user's thread; no error when there is none.</summary>
    Task RevokeAsync(string userId, string threadId, CancellationToken cancellationToken);

    /// <summary>The live link whose token hashes to <paramref name="tokenHash"/>, or null.</summary>
    Task<SharedThread?> FindAsync(byte[] tokenHash, CancellationToken cancellationToken);
}
