using ChatKitApp.E2E.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>The <c>entities</c> options beyond the tag search: the composer's @ button and tag previews.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ElementEntityOptionTests(ScenarioBrowserFixture fixture)
{
    /// <summary>A reply to a message that tags an interactive entity, "Alpha".</summary>
    private static readonly string[] TaggedMessageStream =
    [
        """{"type":"thread.created","thread":{"id":"thr_tag","title":null,"created_at":"2026-01-01T00:00:00Z","status":{"type":"active"},"metadata":{}}}""",
        """{"type":"thread.item.done","item":{"type":"user_message","id":"msg_u","thread_id":"thr_tag","created_at":"2026-01-01T00:00:00Z","content":[{"type":"input_text","text":"tell me about "},{"type":"input_tag","id":"ent_alpha","text":"Alpha","data":{"kind":"letter"},"interactive":true}],"attachments":[],"inference_options":{}}}""",
        """{"type":"thread.item.done","item":{"type":"assistant_message","id":"msg_a","thread_id":"thr_tag","created_at":"2026-01-01T00:00:01Z","content":[{"type":"output_text","text":"Alpha is the first letter.","annotations":[]}]}}""",
    ];

    /// <summary>The host's options plus an onRequestPreview answering a Basic widget that names the entity.</summary>
    private const string WithPreview = """
        (opts) => ({ ...opts, entities: { ...opts.entities,
          onRequestPreview: async (entity) => ({ preview: { type: 'Basic', children: [
            { type: 'Title', value: 'Preview of ' + entity.title },
            { type: 'Text', value: entity.id + ' is a ' + entity.data.kind } ] } }) } })
        """;

    [Fact]
    public async Task Composer_mention_button_shows_only_with_showComposerMenu_and_opens_the_tag_search()
    {
        await using (var plain = await ChatElementPage.OpenNewAsync(fixture))
        {
            await Expect(plain.Page.Locator("[data-testid=composer-mention]")).ToBeHiddenAsync();
        }

        await using var chat = await ChatElementPage.NewAsync(fixture);
        await chat.ExtendOptionsAsync("(opts) => ({ ...opts, entities: { ...opts.entities, showComposerMenu: true } })");
        await chat.OpenAsync();
        await chat.Input.FillAsync("about");
        var mention = chat.Page.Locator("[data-testid=composer-mention]");
        await Expect(mention).ToBeVisibleAsync();

        await mention.ClickAsync();

        await Expect(chat.Input).ToHaveValueAsync("about @");
        await Expect(chat.Input).ToBeFocusedAsync();
        await Expect(chat.Page.Locator("[data-testid=tag-option]").First).ToBeVisibleAsync(new() { Timeout = ChatElementPage.Timeout });
        await chat.Page.Keyboard.PressAsync("Enter");
        await Expect(chat.Input).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^about @\\S.* $"));
    }

    [Fact]
    public async Task Entity_tag_shows_the_preview_widget_onRequestPreview_answers_while_hovered_or_focused()
    {
        await using var chat = await ChatElementPage.NewAsync(fixture);
        await chat.ExtendOptionsAsync(WithPreview);
        await chat.ServeThreadsCreateAsync(TaggedMessageStream);
        await chat.OpenAsync();
        await chat.SendAsync("tell me about Alpha");
        var tag = chat.Items("user_message").Locator(".tag", new() { HasText = "@Alpha" });
        var preview = chat.Page.Locator("[data-testid=entity-preview]");

        await tag.HoverAsync(new() { Timeout = ChatElementPage.Timeout });

        await Expect(preview).ToBeVisibleAsync();
        await Expect(preview).ToContainTextAsync("Preview of Alpha");
        await Expect(preview).ToContainTextAsync("ent_alpha is a letter");
        await Expect(tag).ToHaveAttributeAsync("aria-describedby", (await preview.GetAttributeAsync("id"))!);
        await chat.Input.HoverAsync();
        await Expect(preview).ToHaveCountAsync(0);

        await tag.FocusAsync();
        await Expect(preview).ToBeVisibleAsync();
        await chat.Page.Keyboard.PressAsync("Escape");
        await Expect(preview).ToHaveCountAsync(0);
    }
}
