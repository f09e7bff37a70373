using System.Globalization;
using System.Text;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>An HTTP/1.1 response read off a socket: status, content type and body (chunked framing removed).</summary>
public sealed record RawResponse(int Status, string? ContentType, string Body)
{
    public static RawResponse Parse(byte[] bytes)
    {
        var split = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(split > 0, $"No complete response: '{Encoding.UTF8.GetString(bytes)}'");
        var lines = Encoding.ASCII.GetString(bytes, 0, split).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(h => h[0].Trim(), h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = bytes[(split + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding == "chunked")
        {
            body = Dechunk(body);
        }

        return new RawResponse(status, headers.GetValueOrDefault("Content-Type"), Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var body = new MemoryStream();
        var at = 0;
        while (true)
        {
            var lineEnd = at + chunked.AsSpan(at).IndexOf("\r\n"u8);
            var size = int.Parse(Encoding.ASCII.GetString(chunked, at, lineEnd - at), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return body.ToArray();
            }

            body.Write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
