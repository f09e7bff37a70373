namespace ChatKitApp.ChatKit.Protocol;

/// <summary>Decoded dictation audio; <see cref="MediaType"/> is <see cref="MimeType"/> without parameters.</summary>
public sealed record AudioInput(byte[] Data, string MimeType)
{
    public string MediaType => MimeType.Split(';', 2)[0].Trim();
}
