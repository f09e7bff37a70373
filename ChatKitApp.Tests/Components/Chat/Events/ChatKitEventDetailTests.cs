using System.Text.Json;
using ChatKitApp.Components.Chat.Events;

namespace ChatKitApp.Tests.Components.Chat.Events;

public sealed class ChatKitEventDetailTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Theory]
    [InlineData("""{"error":"plain text"}""", "plain text", null)]
    [InlineData("""{"error":{"message":"boom","code":"stream_error"}}""", "boom", "stream_error")]
    [InlineData("""{"error":{}}""", """{"error":{}}""", null)]
    [InlineData("null", "null", null)]
    public void Error_reads_the_message_and_code_or_falls_back_to_the_raw_detail(string detail, string message, string? code)
    {
        var error = ChatKitEventDetail.Error(Json(detail));

        Assert.Equal((message, code), (error.Message, error.Code));
        Assert.Equal(Json(detail).GetRawText(), error.Detail.GetRawText());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("""{"name":5,"data":"x"}""")]
    [InlineData("""{"name":"only"}""")]
    public void Named_event_without_an_object_data_gets_an_empty_object(string detail)
    {
        var named = ChatKitEventDetail.Named(Json(detail));

        Assert.Equal("{}", named.Data.GetRawText());
    }

    [Fact]
    public void Ids_of_the_wrong_type_read_as_null()
    {
        Assert.Null(ChatKitEventDetail.ThreadChange(Json("""{"threadId":42}""")).ThreadId);
        Assert.Null(ChatKitEventDetail.ThreadLoad(Json("[]")).ThreadId);
        Assert.Null(ChatKitEventDetail.ToolChange(Json("""{"toolId":true}""")).ToolId);
    }

    [Fact]
    public void Named_event_data_outlives_the_parsed_document()
    {
        ChatKitNamedEvent named;
        using (var document = JsonDocument.Parse("""{"name":"toast","data":{"text":"hi"}}"""))
        {
            named = ChatKitEventDetail.Named(document.RootElement);
        }

        Assert.Equal("hi", named.Data.GetProperty("text").GetString());
    }
}
