using System.Text.Json.Serialization;

namespace ChatKitApp.ChatKit.Protocol;

[JsonConverter(typeof(JsonStringEnumConverter<ClientToolCallStatus>))]
public enum ClientToolCallStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("completed")] Completed,
}
