namespace ChatKitApp.ChatKit.Protocol;

public sealed record UploadDescriptor
{
    public required string Url { get; init; }

    /// <summary><c>POST</c> or <c>PUT</c>.</summary>
    public string Method { get; set; } = "PUT";

    public IReadOnlyDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>();
}
