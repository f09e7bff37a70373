using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Tests.ChatKit.Store;

public sealed class MemoryStoreContractTests : ChatKitStoreContractTests
{
    private readonly MemoryStore<ChatKitRequestContext> _store = new();

    protected override IChatKitStore<ChatKitRequestContext> Store => _store;

    /// <summary>The memory store's data lives as long as the instance: "the same data" is the same instance.</summary>
    protected override IChatKitStore<ChatKitRequestContext> Reopen() => _store;
}
