using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Sharing;

namespace ChatKitApp.Tests.Sharing;

public sealed class MemoryShareStoreTests : ShareStoreContractTests
{
    public MemoryShareStoreTests()
    {
        var chats = new MemoryStore<ChatKitRequestContext>();
        Chats = chats;
        Shares = new MemoryShareStore(chats);
    }

    protected override IChatKitStore<ChatKitRequestContext> Chats { get; }

    protected override IShareStore Shares { get; }
}
