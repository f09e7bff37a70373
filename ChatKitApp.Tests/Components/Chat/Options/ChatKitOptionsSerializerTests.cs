using ChatKitApp.Components.Chat.Options;

namespace ChatKitApp.Tests.Components.Chat.Options;

public sealed class ChatKitOptionsSerializerTests
{
    [Fact]
    public void Fully_populated_options_serialize_to_the_exact_element_json()
    {
        var json = ChatKitOptionsSerializer.ToJson(FullyPopulatedOptions.Create());

        Assert.Equal(FullyPopulatedOptions.Json.ReplaceLineEndings(""), json);
    }

    [Fact]
    public void Empty_options_serialize_to_an_empty_object()
    {
        Assert.Equal("{}", ChatKitOptionsSerializer.ToJson(new ChatKitOptions()));
    }

    [Fact]
    public void Color_scheme_only_theme_serializes_as_the_plain_string()
    {
        var json = ChatKitOptionsSerializer.ToJson(new ChatKitOptions { Theme = ChatKitTheme.ColorSchemeOnly("dark") });

        Assert.Equal("{\"theme\":\"dark\"}", json);
    }

    [Fact]
    public void Color_scheme_only_theme_given_more_members_serializes_as_the_object()
    {
        var json = ChatKitOptionsSerializer.ToJson(new ChatKitOptions { Theme = ChatKitTheme.ColorSchemeOnly("dark") with { Radius = "sharp" } });

        Assert.Equal("{\"theme\":{\"colorScheme\":\"dark\",\"radius\":\"sharp\"}}", json);
    }

    [Fact]
    public void A_single_attachment_limit_serializes_as_a_number()
    {
        var json = ChatKitOptionsSerializer.ToJson(new ChatKitOptions { Composer = new ChatKitComposer { Attachments = new ChatKitAttachments(true, 1024) } });

        Assert.Equal("{\"composer\":{\"attachments\":{\"enabled\":true,\"maxSize\":1024}}}", json);
    }

    [Fact]
    public void Callbacks_left_unset_are_left_out()
    {
        var json = ChatKitOptionsSerializer.ToJson(new ChatKitOptions
        {
            Entities = new ChatKitEntities { ShowComposerMenu = true },
            Commands = new ChatKitCommands(),
        });

        Assert.Equal("{\"entities\":{\"showComposerMenu\":true},\"commands\":{\"enabled\":true}}", json);
    }
}
