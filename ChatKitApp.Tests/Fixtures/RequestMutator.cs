using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// Turns a valid request into a hostile one, reproducibly from the given <see cref="Random"/>: one
/// to three mutations on the JSON tree (delete, retype, add, replace ids), on its text (duplicate
/// keys, lone surrogates, NUL, huge numbers, deep nesting, bad escapes, truncation) or on its bytes
/// (invalid UTF-8).
/// </summary>
public static partial class RequestMutator
{
    private static readonly string[] Odd =
    [
        "null", "true", "0", "-1", "1.5", "2147483648", "-9223372036854775809", "1e308", "[]", "{}", "[null]", "\"\"",
        "{\"type\":\"threads.list\"}", "\"thr_nope\"", "\"msg_nope\"", "\"atc_nope\"", "\"../../etc/passwd\"", "\"%00\"",
        "\"\\ud800\"", "\"\\udc00x\"", "\"😀\"", "\"\\u202e\"", "\"Europe/Berlin\"", "\"<script>\"", "\"' OR 1=1 --\"",
    ];

    public static byte[] Mutate(JsonObject request, Random random)
    {
        var tree = request.DeepClone().AsObject();
        var count = random.Next(1, 4);
        string? text = null;
        byte[]? bytes = null;
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(14))
            {
                case 0 or 1 when text is null: Delete(tree, random); break;
                case 2 or 3 when text is null: Replace(tree, random, Raw(Pick(random, Odd))); break;
                case 4 when text is null: Replace(tree, random, JsonValue.Create(new string('x', random.Next(2) == 0 ? 10_000 : 1_100_000))); break;
                case 5 when text is null: tree["metadata"] = Raw(Pick(random, Metadata)); break;
                case 6: text = DuplicateKey(text ?? Text(tree), random); break;
                case 7: text = IntoString(text ?? Text(tree), random, Pick(random, ["\\ud800", "\\udfff", "\\ud83d", "\\u0000", "\\u", "\\x", "\\uZZZZ"])); break;
                case 8: text = ReplaceNumberOrValue(text ?? Text(tree), random, Pick(random, ["1" + new string('0', 400), "1e99999", "-0", "0x10", "NaN", "Infinity", "99999999999999999999999"])); break;
                case 9: text = ReplaceNumberOrValue(text ?? Text(tree), random, Nest(random)); break;
                case 10: text = (text ?? Text(tree))[..random.Next((text ?? Text(tree)).Length)]; break;
                case 11: text = "[" + (text ?? Text(tree)) + "]"; break;
                case 12:
                    bytes = InvalidUtf8(Encoding.UTF8.GetBytes(text ?? Text(tree)), random);
                    return bytes;
                default: Replace(tree, random, JsonValue.Create("thr_" + Convert.ToHexString(BitConverter.GetBytes(random.NextInt64())))); break;
            }
        }

        return Encoding.UTF8.GetBytes(text ?? Text(tree));
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    /// <summary>Every (parent, key or index) in the tree, the root's members included.</summary>
    private static List<(JsonNode Parent, object Key)> Slots(JsonNode node)
    {
        var slots = new List<(JsonNode, object)>();
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    slots.Add((obj, name));
                    if (child is not null)
                    {
                        slots.AddRange(Slots(child));
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, i));
                    if (array[i] is { } child)
                    {
                        slots.AddRange(Slots(child));
                    }
                }

                break;
        }

        return slots;
    }

    private static void Delete(JsonObject tree, Random random)
    {
        var slots = Slots(tree);
        if (slots.Count == 0)
        {
            return; // everything deleted already
        }

        var (parent, key) = Pick(random, slots);
        if (parent is JsonObject obj)
        {
            obj.Remove((string)key);
        }
        else
        {
            ((JsonArray)parent).RemoveAt((int)key);
        }
    }

    private static void Replace(JsonObject tree, Random random, JsonNode? value)
    {
        var slots = Slots(tree);
        if (slots.Count == 0)
        {
            return; // everything deleted already
        }

        var (parent, key) = Pick(random, slots);
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = value;
        }
    }

    private static readonly string[] Metadata =
    [
        """{"page":{"url":"https://x/\ud83d","title":"\udc00","headings":["a",1,null,{"b":2}],"selection":"cut \ud83d"},"time_zone":"../../../etc/passwd"}""",
        """{"page":"not an object","time_zone":12}""",
        """{"time_zone":"\ud800","page":{"headings":{"0":"x"}}}""",
        """{"time_zone":"","page":{"title":"\u0007\u001b[31m","path":"/\r\n"}}""",
        "\"metadata as a string\"",
    ];

    /// <summary>
    /// JSON text (possibly with lone surrogates, which a <see cref="JsonNode"/> cannot write) as a
    /// marker value that <see cref="Text"/> swaps back in.
    /// </summary>
    private static JsonValue Raw(string json) => JsonValue.Create($"RAW:{Convert.ToHexString(Encoding.UTF8.GetBytes(json))}");

    private static string Text(JsonObject tree) =>
        RawMarker().Replace(tree.ToJsonString(), m => Encoding.UTF8.GetString(Convert.FromHexString(m.Groups[1].Value)));

    [GeneratedRegex("\"RAW:([0-9A-F]*)\"")]
    private static partial Regex RawMarker();

    [GeneratedRegex("\"([a-z_]+)\":")]
    private static partial Regex Key();

    [GeneratedRegex("[:\\[,]\"")]
    private static partial Regex StringStart();

    [GeneratedRegex("-?\\d+(\\.\\d+)?|true|false|null|\\{\\}|\\[\\]")]
    private static partial Regex Scalar();

    private static string DuplicateKey(string json, Random random)
    {
        var keys = Key().Matches(json);
        if (keys.Count == 0)
        {
            return json;
        }

        var key = keys[random.Next(keys.Count)];
        return json.Insert(key.Index, $"\"{key.Groups[1].Value}\":{Pick(random, Odd)},");
    }

    private static string IntoString(string json, Random random, string insert)
    {
        var starts = StringStart().Matches(json);
        return starts.Count == 0 ? json : json.Insert(starts[random.Next(starts.Count)].Index + 2, insert);
    }

    private static string ReplaceNumberOrValue(string json, Random random, string replacement)
    {
        var scalars = Scalar().Matches(json);
        if (scalars.Count == 0)
        {
            return json;
        }

        var scalar = scalars[random.Next(scalars.Count)];
        return json.Remove(scalar.Index, scalar.Length).Insert(scalar.Index, replacement);
    }

    private static string Nest(Random random)
    {
        var depth = Pick(random, [63, 65, 200, 10_000]);
        return random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
    }

    private static byte[] InvalidUtf8(byte[] json, Random random)
    {
        byte[][] bad = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80]];
        var at = random.Next(json.Length + 1);
        return [.. json[..at], .. Pick(random, bad), .. json[at..]];
    }
}
