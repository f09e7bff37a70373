using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

[JsonConverter(typeof(JsonStringEnumConverter<TaskStatusIndicator>))]
public enum TaskStatusIndicator
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("loading")] Loading,
    [JsonStringEnumMemberName("complete")] Complete,
}
