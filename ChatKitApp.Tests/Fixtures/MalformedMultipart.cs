using System.Text;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// Random multipart/form-data uploads, mostly broken: no, long or mismatched boundaries, odd file
/// names (quotes, CR/LF, NUL, invalid UTF-8, RFC 5987 escapes), oversized part headers, too many
/// parts, odd part types, no final boundary, truncation. Reproducible from the given <see cref="Random"/>.
/// </summary>
public static class MalformedMultipart
{
    private static readonly string[] FileNames =
    [
        "filename=\"a.txt\"", "filename=\"a\"b.txt\"", "filename=\"a\r\nb.txt\"", "filename=\"a\0b.txt\"", "filename=\"\"",
        "filename*=UTF-8''a%00b.txt", "filename*=UTF-8''%FF%FE.txt", "filename*=UTF-8''%ED%A0%80.txt", "filename*=UTF-8''", "filename=a.txt",
        "filename=\"" + new string('n', 5000) + ".txt\"", "filename=\"..\\..\\boot.ini\"", "filename=\"😀.png\"",
    ];

    private static readonly string[] PartTypes = ["text/plain", "image/png", "image/svg+xml", "", "text/plain; charset=\"", "application/octet-stream", "x/" + new string('y', 300)];

    public static (string ContentType, byte[] Body) Create(Random random)
    {
        var boundary = Boundary(random);
        var declared = random.Next(6) switch
        {
            0 => "multipart/form-data",
            1 => $"multipart/form-data; boundary={Boundary(random)}",
            2 => $"multipart/form-data; boundary=\"{boundary}",
            _ => $"multipart/form-data; boundary={boundary}",
        };

        using var body = new MemoryStream();
        var parts = random.Next(8) == 0 ? 1100 : random.Next(0, 4);
        for (var i = 0; i < parts; i++)
        {
            Write(body, $"--{boundary}\r\n");
            if (random.Next(8) == 0)
            {
                Write(body, $"X-Pad: {new string('p', 17 * 1024)}\r\n");
            }

            if (random.Next(10) != 0)
            {
                var name = i == parts - 1 || random.Next(3) == 0 ? "file" : $"f{i}";
                Write(body, $"Content-Disposition: form-data; name=\"{name}\"; {FileNames[random.Next(FileNames.Length)]}\r\n");
            }

            if (random.Next(6) == 0)
            {
                body.Write([0xED, 0xA0, 0x80, 0xFF]); // invalid UTF-8 in the header block
            }

            Write(body, $"Content-Type: {PartTypes[random.Next(PartTypes.Length)]}\r\n\r\n");
            var content = new byte[random.Next(0, 2000)];
            random.NextBytes(content);
            body.Write(content);
            Write(body, "\r\n");
        }

        if (random.Next(4) != 0)
        {
            Write(body, $"--{boundary}--\r\n");
        }

        var bytes = body.ToArray();
        return (declared, random.Next(5) == 0 ? bytes[..random.Next(bytes.Length + 1)] : bytes);
    }

    private static string Boundary(Random random)
    {
        var length = new[] { 1, 16, 70, 71, 128, 129, 300 }[random.Next(7)];
        const string alphabet = "abcXYZ0123456789-_'()+,./:=?";
        return string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]));
    }

    private static void Write(MemoryStream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
