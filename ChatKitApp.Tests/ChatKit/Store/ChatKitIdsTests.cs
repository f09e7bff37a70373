using ChatKitApp.ChatKit.Store;

namespace ChatKitApp.Tests.ChatKit.Store;

public sealed class ChatKitIdsTests
{
    [Theory]
    [InlineData(StoreItemType.Thread, "thr_")]
    [InlineData(StoreItemType.Message, "msg_")]
    [InlineData(StoreItemType.Attachment, "atc_")]
    public void New_id_is_the_prefix_and_16_lowercase_hex_digits(StoreItemType type, string prefix)
    {
        var id = ChatKitIds.New(type);

        Assert.Matches($"^{prefix}[0-9a-f]{{16}}$", id);
    }
}
