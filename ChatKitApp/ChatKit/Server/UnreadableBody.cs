using Microsoft.AspNetCore.Http;

namespace ChatKitApp.ChatKit.Server;

/// <summary>
/// Recognises the exceptions with which ASP.NET Core reports a request body it could not read,
/// which are the client's fault and answer a 4xx, not a 500: Kestrel's
/// <see cref="BadHttpRequestException"/> (its status says which: 400 framing, 408 too slow, 413 past
/// the server's body cap); <see cref="InvalidDataException"/> from the form and multipart readers (no
/// or too long a boundary, too many parts, oversized or broken part headers); and the
/// <see cref="IOException"/> both of them throw for a few cases of their own (a chunk size that
/// overflows, a multipart body that ends before its final boundary).
/// </summary>
public static class UnreadableBody
{
    // IOException is also how a disk or a socket fails on the server's side; only the ones the body
    // readers throw are the client's.
    private static readonly HashSet<string> BodyReaders = new(StringComparer.Ordinal)
    {
        "Microsoft.AspNetCore.Server.Kestrel.Core",
        "Microsoft.AspNetCore.WebUtilities",
    };

    /// <summary>The 4xx error for <paramref name="exception"/>, or null when it is not about the request body.</summary>
    public static ChatKitRequestException? Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge =>
            new(StatusCodes.Status413PayloadTooLarge, "request_too_large", tooLarge.Message),
        BadHttpRequestException bad => new(bad.StatusCode, "bad_request_body", $"The request body could not be read: {bad.Message}"),
        InvalidDataException invalid => new(StatusCodes.Status400BadRequest, "bad_request_body", $"The request body is malformed: {invalid.Message}"),
        IOException io when io.Source is { } source && BodyReaders.Contains(source) =>
            new(StatusCodes.Status400BadRequest, "bad_request_body", $"The request body could not be read: {io.Message}"),
        _ => null,
    };
}
