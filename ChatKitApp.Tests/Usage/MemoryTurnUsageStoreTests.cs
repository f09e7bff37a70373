using ChatKitApp.Usage;

namespace ChatKitApp.Tests.Usage;

public sealed class MemoryTurnUsageStoreTests : TurnUsageStoreContractTests
{
    protected override ITurnUsageStore Store { get; } = new MemoryTurnUsageStore();
}
