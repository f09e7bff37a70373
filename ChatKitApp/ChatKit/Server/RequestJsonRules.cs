using System.Text.Json;
using System.Text.Unicode;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// The rules a request body must keep beyond being JSON, checked in one pass before it is
/// deserialized, so that no part of it is stored, sent to the model or half-processed first:
/// <list type="bullet">
/// <item>the body is valid UTF-8;</item>
/// <item>no object repeats a key (duplicates are refused rather than resolved: a reader that
/// takes the first and one that takes the last would see different requests);</item>
/// <item>no string or key holds a lone UTF-16 surrogate (<c>\ud800</c>), which no store can keep
/// (PostgreSQL refuses it in text and jsonb) and no encoder can write back. The exception is string
/// values inside the top-level <c>metadata</c>: it is the browser's context (the page, its time
/// zone), never stored, and a selection cut at a UTF-16 length can split an emoji in half; those
/// are sanitised where they are read (<c>MetadataText</c>). Its keys are ours and must be clean.</item>
/// </list>
/// Syntax errors are left to the deserializer, whose messages say where.
/// </summary>
public static class RequestJsonRules
{
    private const string MetadataKey = "metadata";

    /// <summary>Throws a 400 <see cref="ChatKitRequestException"/> on the first broken rule.</summary>
    public static void Check(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            throw ChatKitRequestException.BadRequest("The request body is not valid UTF-8.");
        }

        var reader = new Utf8JsonReader(body);
        var keys = new Stack<HashSet<string>>();
        var inMetadata = false;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keys.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var key = TextOf(ref reader, tolerateLoneSurrogates: false)!;
                        if (reader.CurrentDepth == 1)
                        {
                            inMetadata = key == MetadataKey;
                        }

                        if (!keys.Peek().Add(key))
                        {
                            throw ChatKitRequestException.BadRequest($"The request repeats the key '{key}' in one object; each key may appear once.");
                        }

                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        // Unescaped text is valid UTF-8 (checked above); only escapes can make a lone surrogate.
                        TextOf(ref reader, inMetadata);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the deserializer's message says where.
        }
    }

    /// <summary>The token's text; null for a lone surrogate where that is tolerated, else a 400.</summary>
    private static string? TextOf(ref Utf8JsonReader reader, bool tolerateLoneSurrogates)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException) when (tolerateLoneSurrogates)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            throw ChatKitRequestException.BadRequest(
                $"The request contains a lone UTF-16 surrogate (an unpaired \\ud800-\\udfff escape) near byte {reader.TokenStartIndex}; send well-formed Unicode.");
        }
    }
}
