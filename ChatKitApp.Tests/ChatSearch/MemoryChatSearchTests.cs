using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.ChatSearch;

namespace ChatKitApp.Tests.ChatSearch;

public sealed class MemoryChatSearchTests : ChatSearchTests
{
    public MemoryChatSearchTests()
    {
        var store = new MemoryStore<ChatKitRequestContext>();
        Store = store;
        Search = new MemoryChatSearch(store);
    }

    protected override IChatKitStore<ChatKitRequestContext> Store { get; }

    protected override IChatSearch Search { get; }
}
