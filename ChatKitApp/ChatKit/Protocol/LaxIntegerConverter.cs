using System.Globalization;
using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

/// <summary>
/// Reads integers as the reference's models do (pydantic's lax mode): a JSON integer, a number
/// with no fractional part (<c>2.0</c>) or a string holding an integer (<c>"2"</c>). Values
/// beyond the type's range are clamped to it rather than refused, so a client asking for
/// "everything" with a huge <c>limit</c> gets the largest page instead of an error. Fractions,
/// booleans and other strings are refused.
/// </summary>
public sealed class LaxIntegerConverter<T> : JsonConverter<T>
    where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                var literal = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
                return FromNumber(literal);
            case JsonTokenType.String:
                var text = reader.GetString()!.Trim();
                return BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? Clamp(parsed)
                    : throw new JsonException($"'{text}' is not an integer.");
            default:
                throw new JsonException($"Expected an integer, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(long.CreateChecked(value));

    private static T FromNumber(string literal)
    {
        if (BigInteger.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return Clamp(whole);
        }

        // A fraction or exponent: acceptable when it names a whole number (2.0, 1e3, 1e400).
        var number = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(number))
        {
            return number > 0 ? T.MaxValue : T.MinValue;
        }

        return Math.Floor(number) == number
            ? Clamp(new BigInteger(number))
            : throw new JsonException($"{literal} is not an integer.");
    }

    private static T Clamp(BigInteger value) =>
        value > BigInteger.CreateChecked(T.MaxValue) ? T.MaxValue
        : value < BigInteger.CreateChecked(T.MinValue) ? T.MinValue
        : T.CreateChecked(value);
}
