using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// Equal stored JSON as values, not text: a store that keeps JSON as jsonb hands object keys back in
    /// its own order. <typeparamref name="T"/> picks the stored shape (a base type adds the discriminator).
    /// </summary>
    public static void EqualIgnoringKeyOrder<T>(T expected, T actual)
    {
        var (e, a) = (Node(expected), Node(actual));
        Assert.True(JsonNode.DeepEquals(e, a), $"Expected {e?.ToJsonString()}{Environment.NewLine}but got  {a?.ToJsonString()}");
    }

    public static string Json(ThreadItem item) => JsonSerializer.Serialize(item, ChatKitJson.StorageType<ThreadItem>());

    /// <summary>The stored JSON of <paramref name="value"/> as a node, for comparing as values.</summary>
    public static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, ChatKitJson.StorageType<T>());
}
