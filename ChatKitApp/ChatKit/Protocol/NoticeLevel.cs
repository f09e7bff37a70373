using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

[JsonConverter(typeof(JsonStringEnumConverter<NoticeLevel>))]
public enum NoticeLevel
{
    [JsonStringEnumMemberName("info")] Info,
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("danger")] Danger,
}
