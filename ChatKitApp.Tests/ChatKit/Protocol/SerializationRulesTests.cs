using System.Text;
using System.Text.Json;
using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;

namespace ChatKitApp.Tests.ChatKit.Protocol;

public sealed class SerializationRulesTests
{
    [Fact]
    public void Type_is_accepted_in_any_position()
    {
        var request = ChatKitRequestParser.Parse("""{"params":{"thread_id":"thr_1"},"metadata":{"page":{"url":"/"}},"type":"threads.get_by_id"}"""u8);

        var getById = Assert.IsType<ThreadsGetByIdRequest>(request);
        Assert.Equal("thr_1", getById.Params.ThreadId);
        Assert.Equal("/", getById.Metadata!["page"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public void Nested_discriminators_are_accepted_in_any_position()
    {
        var request = ChatKitRequestParser.Parse("""{"type":"threads.create","params":{"input":{"content":[{"text":"hi","type":"input_text"}],"attachments":[],"inference_options":{}}}}"""u8);

        var create = Assert.IsType<ThreadsCreateRequest>(request);
        Assert.Equal("hi", Assert.IsType<UserMessageTextContent>(create.Params.Input.Content[0]).Text);
    }

    [Fact]
    public void Unknown_properties_are_ignored_and_explicit_nulls_equal_absence()
    {
        var request = ChatKitRequestParser.Parse("""{"type":"threads.list","params":{"limit":null,"after":null,"extra":1},"future":true}"""u8);

        var list = Assert.IsType<ThreadsListRequest>(request);
        Assert.Null(list.Params.Limit);
        Assert.Equal(SortOrder.Desc, list.Params.Order);
    }

    [Theory]
    [InlineData("not json", "Malformed request")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("null", "must be a JSON object")]
    [InlineData("""{"type":"threads.nope","params":{}}""", "Unknown request type 'threads.nope'")]
    [InlineData("""{"params":{}}""", "no 'type'")]
    [InlineData("""{"type":"threads.list"}""", "'params'")]
    [InlineData("""{"type":"threads.get_by_id","params":{}}""", "'thread_id'")]
    [InlineData("""{"type":"threads.create","params":{"input":{"content":[],"attachments":[]}}}""", "'inference_options'")]
    [InlineData("""{"type":"threads.list","params":{"order":"sideways"}}""", "Malformed request")]
    [InlineData("""{"type":"threads.add_client_tool_output","params":{"thread_id":"t"}}""", "'result'")] // a required key, even though its value may be null
    [InlineData("""{"type":"threads.create","params":{"input":{"content":[{"type":"input_text"}],"attachments":[],"inference_options":{}}}}""", "'text'")]
    public void Bad_requests_are_rejected_with_a_clear_400(string body, string expected)
    {
        var ex = Assert.Throws<ChatKitRequestException>(() => ChatKitRequestParser.Parse(System.Text.Encoding.UTF8.GetBytes(body)));

        Assert.Equal(400, ex.StatusCode);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ChatKitApp.ChatKit", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"threads.create","params":{"input":{"content":null,"attachments":[],"inference_options":{}}}}""", "'$.params.input.content' must not be null")]
    [InlineData("""{"type":"threads.create","params":{"input":{"content":[],"attachments":[],"inference_options":null}}}""", "'$.params.input.inference_options' must not be null")]
    [InlineData("""{"type":"threads.create","params":{"input":{"content":[],"attachments":null,"inference_options":{}}}}""", "'$.params.input.attachments' must not be null")]
    [InlineData("""{"type":"threads.create","params":{"input":null}}""", "'$.params.input' must not be null")]
    [InlineData("""{"type":"threads.create","params":null}""", "'$.params' must not be null")]
    [InlineData("""{"type":"threads.update","params":{"thread_id":"t","title":null}}""", "'$.params.title' must not be null")]
    [InlineData("""{"type":"threads.update","params":{"thread_id":null,"title":"x"}}""", "'$.params.thread_id' must not be null")]
    [InlineData("""{"type":"threads.add_user_message","params":{"thread_id":null,"input":{"content":[],"attachments":[],"inference_options":{}}}}""", "'$.params.thread_id' must not be null")]
    [InlineData("""{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":null}],"attachments":[],"inference_options":{}}}}""", "'$.params.input.content[0].text' must not be null")]
    [InlineData("""{"type":"threads.create","params":{"input":{"content":[],"attachments":[],"inference_options":{"tool_choice":{"id":null}}}}}""", "'$.params.input.inference_options.tool_choice.id' must not be null")]
    [InlineData("""{"type":"items.feedback","params":{"thread_id":"t","item_ids":["a"],"kind":null}}""", "'$.params.kind' must not be null")]
    [InlineData("""{"type":"items.list","params":{"thread_id":"t","order":null}}""", "'$.params.order' must not be null")]
    [InlineData("""{"type":"threads.custom_action","params":{"thread_id":"t","action":{"type":null}}}""", "'$.params.action.type' must not be null")]
    [InlineData("""{"type":"threads.add_structured_input","params":{"thread_id":"t","item_id":"i","input":{"answers":null}}}""", "'$.params.input.answers' must not be null")]
    // Where RespectNullableAnnotations does not look: collection elements and a JsonObject member.
    [InlineData("""{"type":"threads.create","params":{"input":{"content":[null],"attachments":[],"inference_options":{}}}}""", "'content' must not contain null. Path: $.params.input")]
    [InlineData("""{"type":"threads.create","params":{"input":{"content":[],"attachments":[null],"inference_options":{}}}}""", "'attachments' must not contain null. Path: $.params.input")]
    [InlineData("""{"type":"items.feedback","params":{"thread_id":"t","item_ids":["a",null],"kind":"positive"}}""", "'item_ids' must not contain null")]
    [InlineData("""{"type":"threads.add_structured_input","params":{"thread_id":"t","item_id":"i","input":{"answers":{"q":null}}}}""", "'answers' must not contain null")]
    [InlineData("""{"type":"threads.create","params":{"input":{"content":[{"type":"input_tag","id":"e","text":"E","data":null}],"attachments":[],"inference_options":{}}}}""", "'data' must not be null. Path: $.params.input.content[0]")]
    public void Explicit_null_where_a_value_is_required_is_a_clear_400(string body, string expected)
    {
        var ex = Assert.Throws<ChatKitRequestException>(() => ChatKitRequestParser.Parse(System.Text.Encoding.UTF8.GetBytes(body)));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("invalid_request", ex.Code);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nullability annotation", ex.Message, StringComparison.Ordinal); // advice for the C# author, not the client
    }

    [Theory]
    [InlineData("""{"type":"threads.create","params":{"input":{"content":[{"type":"input_tag","id":"e","text":"E","data":{"k":null},"group":null}],"attachments":[],"quoted_text":null,"inference_options":{"tool_choice":null,"model":null}}}}""")]
    [InlineData("""{"type":"threads.list","params":{"limit":null,"after":null}}""")]
    [InlineData("""{"type":"items.list","params":{"thread_id":"t","limit":null,"after":null}}""")]
    [InlineData("""{"type":"threads.add_client_tool_output","params":{"thread_id":"t","result":null}}""")]
    [InlineData("""{"type":"threads.add_client_tool_output","params":{"thread_id":"t","result":[null,{"x":null}]}}""")]
    [InlineData("""{"type":"threads.custom_action","params":{"thread_id":"t","item_id":null,"action":{"type":"go","payload":null}}}""")]
    [InlineData("""{"type":"threads.sync_custom_action","params":{"thread_id":"t","action":{"type":"go","payload":[null]}}}""")]
    public void Explicit_null_is_accepted_where_the_protocol_allows_it(string body)
    {
        var ex = Record.Exception(() => ChatKitRequestParser.Parse(System.Text.Encoding.UTF8.GetBytes(body)));

        Assert.Null(ex);
    }

    [Fact]
    public void Items_list_without_order_reads_as_desc()
    {
        // Order must stay a `set` property: as `init` the source generator would assign default (asc).
        var request = ChatKitRequestParser.Parse("""{"type":"items.list","params":{"thread_id":"t"}}"""u8);

        var list = Assert.IsType<ItemsListRequest>(request);
        Assert.Equal(SortOrder.Desc, list.Params.Order);
    }

    [Fact]
    public void Every_request_type_parses_to_its_record()
    {
        string[] bodies =
        [
            """{"type":"threads.create","params":{"input":{"content":[],"attachments":[],"inference_options":{}}}}""",
            """{"type":"threads.add_user_message","params":{"thread_id":"t","input":{"content":[],"attachments":[],"quoted_text":"","inference_options":{}}}}""",
            """{"type":"threads.add_client_tool_output","params":{"thread_id":"t","result":{"ok":true}}}""",
            """{"type":"threads.add_structured_input","params":{"thread_id":"t","item_id":"i","input":{"status":"skipped","answers":{"q":{"values":["a"],"skipped":false}}}}}""",
            """{"type":"threads.retry_after_item","params":{"thread_id":"t","item_id":"i"}}""",
            """{"type":"threads.custom_action","params":{"thread_id":"t","item_id":null,"action":{"type":"go","payload":{"a":1},"handler":"server","loadingBehavior":"auto"}}}""",
            """{"type":"threads.sync_custom_action","params":{"thread_id":"t","action":{"type":"go"}}}""",
            """{"type":"threads.get_by_id","params":{"thread_id":"t"}}""",
            """{"type":"threads.list","params":{"limit":9999,"order":"asc","after":"t"}}""",
            """{"type":"threads.update","params":{"thread_id":"t","title":"x"}}""",
            """{"type":"threads.delete","params":{"thread_id":"t"}}""",
            """{"type":"items.list","params":{"thread_id":"t","limit":5,"order":"desc","after":"i"}}""",
            """{"type":"items.feedback","params":{"thread_id":"t","item_ids":["a","b"],"kind":"negative"}}""",
            """{"type":"attachments.create","params":{"name":"a.png","size":3,"mime_type":"image/png"}}""",
            """{"type":"attachments.delete","params":{"attachment_id":"atc_1"}}""",
            """{"type":"input.transcribe","params":{"audio_base64":"AQID","mime_type":"audio/webm;codecs=opus"}}""",
        ];

        var requests = bodies.Select(b => ChatKitRequestParser.Parse(System.Text.Encoding.UTF8.GetBytes(b))).ToList();

        Assert.Equal(16, requests.Select(r => r.GetType()).Distinct().Count());
        Assert.Equal(6, requests.Count(r => r.IsStreaming));
        var structured = Assert.IsType<ThreadsAddStructuredInputRequest>(requests[3]);
        Assert.Equal(StructuredInputStatus.Skipped, structured.Params.Input.Status);
        Assert.Equal(["a"], structured.Params.Input.Answers["q"].Values);
        var feedback = Assert.IsType<ItemsFeedbackRequest>(requests[12]);
        Assert.Equal(FeedbackKind.Negative, feedback.Params.Kind);
        var action = Assert.IsType<ThreadsCustomActionRequest>(requests[5]);
        Assert.Equal(1, action.Params.Action.Payload!["a"]!.GetValue<int>());
    }

    [Fact]
    public void Non_ascii_emoji_and_newlines_stay_on_one_line_as_raw_utf8()
    {
        var e = new ThreadItemUpdatedEvent("m", new AssistantMessageContentPartTextDelta(0, "Grüße 🎉 \"quoted\"\nline two\r\n\ttab \u0001"));

        var json = JsonSerializer.Serialize(e, ChatKitJson.WireType<ThreadStreamEvent>());

        Assert.Contains("Grüße 🎉 \\\"quoted\\\"\\nline two\\r\\n\\ttab \\u0001", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', json);
        Assert.DoesNotContain('\r', json);
        var back = (ThreadItemUpdatedEvent)JsonSerializer.Deserialize(json, ChatKitJson.WireType<ThreadStreamEvent>())!;
        Assert.Equal("Grüße 🎉 \"quoted\"\nline two\r\n\ttab \u0001", ((AssistantMessageContentPartTextDelta)back.Update).Delta);
    }

    [Fact]
    public void Html_sensitive_characters_are_not_needlessly_escaped()
    {
        var json = JsonSerializer.Serialize(new ProgressUpdateEvent("<b>a & b</b> 'x' +"), ChatKitJson.WireType<ThreadStreamEvent>());

        Assert.Contains("<b>a & b</b> 'x' +", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"2026-11-23T23:36:04.344024\"", "2026-11-23T23:36:04.344024Z")] // reference's naive local time, read as UTC
    [InlineData("\"2026-01-01T02:00:01+02:00\"", "2026-01-01T00:00:01.000000Z")]
    [InlineData("\"2026-01-01\"", "2026-01-01T00:00:00.000000Z")]
    [InlineData("1767225601", "2026-01-01T00:00:01.000000Z")]
    public void Timestamps_are_read_in_any_reference_form_and_written_as_utc_with_z(string input, string expected)
    {
        var json = "{\"type\":\"end_of_turn\",\"id\":\"i\",\"thread_id\":\"t\",\"created_at\":" + input + "}";

        var item = JsonSerializer.Deserialize(json, ChatKitJson.WireType<ThreadItem>())!;

        Assert.Contains("\"created_at\":\"" + expected + "\"", JsonSerializer.Serialize(item, ChatKitJson.WireType<ThreadItem>()), StringComparison.Ordinal);
    }

    [Fact]
    public void Widget_json_keeps_camel_case_and_nulls_untouched()
    {
        const string widget = """{"type":"Card","asForm":true,"children":[{"type":"Checkbox","defaultChecked":false,"onChangeAction":{"type":"t","loadingBehavior":"none"},"label":null}]}""";
        var json = "{\"type\":\"widget\",\"id\":\"i\",\"thread_id\":\"t\",\"created_at\":\"2026-01-01T00:00:00Z\",\"widget\":" + widget + "}";

        var item = JsonSerializer.Deserialize(json, ChatKitJson.WireType<ThreadItem>())!;

        Assert.Contains(widget, JsonSerializer.Serialize(item, ChatKitJson.WireType<ThreadItem>()), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_members_read_as_their_declared_defaults()
    {
        var request = (ThreadsAddStructuredInputRequest)ChatKitRequestParser.Parse("""{"type":"threads.add_structured_input","params":{"thread_id":"t","item_id":"i","input":{}}}"""u8);
        var item = (ClientToolCallItem)JsonSerializer.Deserialize("""{"type":"client_tool_call","id":"i","thread_id":"t","created_at":"2026-01-01T00:00:00Z","call_id":"c","name":"n"}""", ChatKitJson.WireType<ThreadItem>())!;
        var user = (UserMessageItem)JsonSerializer.Deserialize("""{"type":"user_message","id":"i","thread_id":"t","created_at":"2026-01-01T00:00:00Z"}""", ChatKitJson.WireType<ThreadItem>())!;
        var thread = JsonSerializer.Deserialize("""{"id":"t","created_at":"2026-01-01T00:00:00Z"}""", ChatKitJson.StorageType<ThreadMetadata>())!;

        Assert.Equal(StructuredInputStatus.Answered, request.Params.Input.Status);
        Assert.Empty(request.Params.Input.Answers);
        Assert.Equal(ClientToolCallStatus.Pending, item.Status);
        Assert.NotNull(item.Arguments);
        Assert.Empty(user.Content);
        Assert.Empty(user.Attachments);
        Assert.NotNull(user.InferenceOptions);
        Assert.Empty(thread.Metadata);
        Assert.Equal(ThreadStatus.Active, thread.Status);
    }

    [Theory]
    [InlineData("\"2\"", 2)]
    [InlineData("2.0", 2)]
    [InlineData("\" 7 \"", 7)]
    [InlineData("1e2", 100)]
    [InlineData("99999999999999999999999", int.MaxValue)]
    [InlineData("\"99999999999999999999999\"", int.MaxValue)]
    [InlineData("1e400", int.MaxValue)]
    [InlineData("-99999999999999999999999", int.MinValue)]
    public void Integer_field_given_a_numeric_string_an_integral_number_or_a_huge_value_reads_as_the_reference_does(string limit, int expected)
    {
        var request = (ThreadsListRequest)ChatKitRequestParser.Parse(Encoding.UTF8.GetBytes($$$"""{"type":"threads.list","params":{"limit":{{{limit}}}}}"""));

        Assert.Equal(expected, request.Params.Limit);
    }

    [Fact]
    public void Long_field_given_a_numeric_string_or_a_huge_value_reads_clamped()
    {
        var asText = (AttachmentsCreateRequest)ChatKitRequestParser.Parse("""{"type":"attachments.create","params":{"name":"a.txt","size":"10","mime_type":"text/plain"}}"""u8);
        var huge = (AttachmentsCreateRequest)ChatKitRequestParser.Parse("""{"type":"attachments.create","params":{"name":"a.txt","size":1e30,"mime_type":"text/plain"}}"""u8);

        Assert.Equal(10, asText.Params.Size);
        Assert.Equal(long.MaxValue, huge.Params.Size);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("\"2.5\"")]
    [InlineData("true")]
    [InlineData("\"two\"")]
    [InlineData("[]")]
    public void Integer_field_given_a_fraction_a_boolean_or_a_word_is_a_400(string limit)
    {
        var error = Assert.Throws<ChatKitRequestException>(() => ChatKitRequestParser.Parse(Encoding.UTF8.GetBytes($$$"""{"type":"threads.list","params":{"limit":{{{limit}}}}}""")));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_given_as_null_is_a_400_and_left_out_is_fine()
    {
        var error = Assert.Throws<ChatKitRequestException>(() => ChatKitRequestParser.Parse("""{"type":"threads.list","params":{},"metadata":null}"""u8));
        var absent = ChatKitRequestParser.Parse("""{"type":"threads.list","params":{}}"""u8);
        var given = ChatKitRequestParser.Parse("""{"type":"threads.list","params":{},"metadata":{"page":{"url":"/"}}}"""u8);

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("metadata", error.Message, StringComparison.Ordinal);
        Assert.Null(absent.Metadata);
        Assert.Equal("/", given.Metadata!["page"]!["url"]!.GetValue<string>());
    }
}
