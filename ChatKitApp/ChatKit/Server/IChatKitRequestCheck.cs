namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// A rule of the host's about request bodies, checked before the body is parsed: what its store
/// cannot keep, for one. Throw a <see cref="ChatKitRequestException"/> (a 400) to refuse the
/// request; nothing has been read or written at that point.
/// </summary>
public interface IChatKitRequestCheck
{
    void Check(ReadOnlySpan<byte> body);
}
