using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

[JsonConverter(typeof(JsonStringEnumConverter<StructuredInputStatus>))]
public enum StructuredInputStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("answered")] Answered,
    [JsonStringEnumMemberName("skipped")] Skipped,
}
