using System.Security.Cryptography;

namespace ChatKitApp.ChatKit.Store;

/// <summary>
/// Default ids: a type prefix, an underscore and random hex (<c>thr_…</c>, <c>msg_…</c>).
/// The reference uses 8 hex digits; 16 keep ids unique across a whole database, not just a thread.
/// </summary>
public static class ChatKitIds
{
    private const int HexDigits = 16;

    public static string Prefix(StoreItemType type) => type switch
    {
        StoreItemType.Thread => "thr",
        StoreItemType.Message => "msg",
        StoreItemType.ToolCall => "tc",
        StoreItemType.Task => "tsk",
        StoreItemType.Workflow => "wf",
        StoreItemType.Attachment => "atc",
        StoreItemType.SdkHiddenContext => "shcx",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string New(StoreItemType type) => string.Create(Prefix(type).Length + 1 + HexDigits, type, static (span, t) =>
    {
        var prefix = Prefix(t);
        prefix.CopyTo(span);
        span[prefix.Length] = '_';
        Span<byte> random = stackalloc byte[HexDigits / 2];
        RandomNumberGenerator.Fill(random);
        Convert.TryToHexStringLower(random, span[(prefix.Length + 1)..], out _);
    });
}
