using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>The thread races on the memory store; a second instance shares the one store (a single process).</summary>
public sealed class MemoryThreadRaceTests : ThreadRaceTests
{
    protected override IChatKitStore<ChatKitRequestContext> NewStore() => new MemoryStore<ChatKitRequestContext>();

    protected override IChatKitStore<ChatKitRequestContext> SameData(IChatKitStore<ChatKitRequestContext> store) => store;
}
