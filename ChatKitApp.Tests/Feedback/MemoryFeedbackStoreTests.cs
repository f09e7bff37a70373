using ChatKitApp.Feedback;

namespace ChatKitApp.Tests.Feedback;

public sealed class MemoryFeedbackStoreTests : FeedbackStoreContractTests
{
    protected override IFeedbackStore Store { get; } = new MemoryFeedbackStore();
}
