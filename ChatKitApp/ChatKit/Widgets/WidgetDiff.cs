using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.ChatKit.Widgets;

/// <summary>
/// The updates that take a widget from one state to the next (the reference's widget diff rules): when the only
/// change is text appended to the <c>value</c> of Text/Markdown components that have an id, one
/// <c>widget.streaming_text.value_delta</c> per grown component (done when it stopped streaming);
/// any other change, a <c>streaming</c> flag flip included, one <c>widget.root.updated</c>.
/// </summary>
public static class WidgetDiff
{
    public static IReadOnlyList<ThreadItemUpdate> Diff(JsonObject before, JsonObject after)
    {
        var deltas = new List<ThreadItemUpdate>();
        return OnlyTextGrew(before, after, deltas) ? deltas : [new WidgetRootUpdated(after)];
    }

    private static bool OnlyTextGrew(JsonNode? before, JsonNode? after, List<ThreadItemUpdate> deltas)
    {
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                if (a.Count != b.Count)
                {
                    return false;
                }

                foreach (var (name, value) in b)
                {
                    if (!a.TryGetPropertyValue(name, out var old))
                    {
                        return false;
                    }

                    if (name == "value" && IsStreamableText(b))
                    {
                        if (!TextGrew(old, value, b, deltas))
                        {
                            return false;
                        }
                    }
                    else if (!OnlyTextGrew(old, value, deltas))
                    {
                        return false;
                    }
                }

                return true;
            case (JsonArray a, JsonArray b):
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!OnlyTextGrew(a[i], b[i], deltas))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return JsonNode.DeepEquals(before, after);
        }
    }

    private static bool IsStreamableText(JsonObject component) =>
        component["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
        && component["type"]!.GetValue<string>() is "Text" or "Markdown";

    private static bool TextGrew(JsonNode? before, JsonNode? after, JsonObject component, List<ThreadItemUpdate> deltas)
    {
        if (JsonNode.DeepEquals(before, after))
        {
            return true;
        }

        // Only an id'd component can be addressed by a delta; an unnamed one is replaced with the root.
        if (before?.GetValueKind() != System.Text.Json.JsonValueKind.String
            || after?.GetValueKind() != System.Text.Json.JsonValueKind.String
            || component["id"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return false;
        }

        var old = before.GetValue<string>();
        var now = after.GetValue<string>();
        if (!now.StartsWith(old, StringComparison.Ordinal))
        {
            return false;
        }

        var streaming = component["streaming"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        deltas.Add(new WidgetStreamingTextValueDelta(component["id"]!.GetValue<string>(), now[old.Length..], Done: !streaming));
        return true;
    }
}
