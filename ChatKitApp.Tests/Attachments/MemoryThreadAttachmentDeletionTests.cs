using ChatKitApp.Attachments;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Tests.Attachments;

/// <summary>The in-memory configuration: the blob store drops the bytes whose metadata names the thread.</summary>
public sealed class MemoryThreadAttachmentDeletionTests : ThreadAttachmentDeletionTests
{
    protected override (IChatKitStore<ChatKitRequestContext> Store, IAttachmentBlobStore Blobs) CreateStores()
    {
        var store = new MemoryStore<ChatKitRequestContext>();
        return (store, new MemoryAttachmentBlobStore(store));
    }
}
