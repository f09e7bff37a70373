using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

[JsonConverter(typeof(JsonStringEnumConverter<FeedbackKind>))]
public enum FeedbackKind
{
    [JsonStringEnumMemberName("positive")] Positive,
    [JsonStringEnumMemberName("negative")] Negative,
}
