using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

[JsonConverter(typeof(JsonStringEnumConverter<WorkflowType>))]
public enum WorkflowType
{
    [JsonStringEnumMemberName("custom")] Custom,
    [JsonStringEnumMemberName("reasoning")] Reasoning,
}
