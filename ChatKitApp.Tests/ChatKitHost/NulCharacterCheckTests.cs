using ChatKitApp.ChatKit.Protocol;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKitHost;

namespace ChatKitApp.Tests.ChatKitHost;

public sealed class NulCharacterCheckTests
{
    private readonly NulCharacterCheck _check = new();

    [Fact]
    public void Escaped_nul_character_in_a_body_gives_400_naming_it()
    {
        var error = Assert.Throws<ChatKitRequestException>(() => _check.Check("""{"type":"threads.update","params":{"thread_id":"t","title":"a\u0000b"}}"""u8));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_backslash_before_u0000_is_text_and_passes()
    {
        _check.Check("""{"type":"threads.update","params":{"thread_id":"t","title":"C:\\u0000"}}"""u8);

        var request = (ThreadsUpdateRequest)ChatKitRequestParser.Parse("""{"type":"threads.update","params":{"thread_id":"t","title":"C:\\u0000"}}"""u8);
        Assert.Equal("C:\\u0000", request.Params.Title);
    }
}
