using System.Text.Json;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>Compares protocol values by their stored JSON (records holding lists compare lists by reference).</summary>
public static class JsonAssert
{
    public static void Equal(ThreadItem expected, ThreadItem? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(Json(expected), Json(actual));
    }

    public static string Json(ThreadItem item) => JsonSerializer.Serialize(item, ChatKitJson.StorageType<ThreadItem>());
}
