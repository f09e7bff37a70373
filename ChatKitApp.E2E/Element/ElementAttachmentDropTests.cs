using ChatKitApp.E2E.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ChatKitApp.E2E.Element;

/// <summary>Files dropped on or pasted into the composer are attached; dropped elsewhere they are ignored.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ElementAttachmentDropTests(BrowserFixture fixture)
{
    /// <summary>
    /// Fires a file event as the browser does: a drop (or paste) carrying a text file, on the
    /// element the selector finds (inside the chat's shadow root, or the page's body). Answers
    /// whether the page cancelled it, i.e. kept the browser from opening the file.
    /// </summary>
    private const string FireFileEventJs = """
        ([type, selector, name]) => {
          const data = new DataTransfer();
          data.items.add(new File(['notes from the test'], name, { type: 'text/plain' }));
          const target = selector === 'body' ? document.body : document.querySelector('openai-chatkit').shadowRoot.querySelector(selector);
          const init = { bubbles: true, cancelable: true, composed: true };
          const event = type === 'paste'
            ? new ClipboardEvent('paste', { ...init, clipboardData: data })
            : new DragEvent(type, { ...init, dataTransfer: data });
          target.dispatchEvent(event);
          return event.defaultPrevented;
        }
        """;

    [Fact]
    public async Task Files_dropped_on_or_pasted_into_the_composer_are_uploaded_and_a_drop_elsewhere_is_ignored()
    {
        await using var chat = await ChatElementPage.OpenNewAsync(fixture);
        var page = chat.Page;
        var attachments = page.Locator("[data-testid=composer-attachment]");

        var overBody = await FireAsync(page, "dragover", "body", "elsewhere.txt");
        var onBody = await FireAsync(page, "drop", "body", "elsewhere.txt");
        Assert.True(overBody && onBody, "A file dropped outside the composer would open in the tab.");
        await Expect(attachments).ToHaveCountAsync(0);

        Assert.True(await FireAsync(page, "dragover", ".composer", "dropped.txt"));
        Assert.True(await FireAsync(page, "drop", ".composer", "dropped.txt"));
        Assert.True(await FireAsync(page, "paste", "[data-testid=composer-input]", "pasted.txt"));

        await Expect(attachments).ToHaveCountAsync(2);
        await Expect(attachments.Nth(0)).ToHaveAttributeAsync("title", "dropped.txt");
        await Expect(attachments.Nth(1)).ToHaveAttributeAsync("title", "pasted.txt");
        // Uploaded through attachments.create like a picked file: the chips finish uploading and the message sends.
        await Expect(page.Locator("[data-testid=composer-attachment].uploading")).ToHaveCountAsync(0, new() { Timeout = ChatElementPage.Timeout });
        await chat.SendAndWaitAsync("what is in these notes?");
        await Expect(chat.Items("user_message").Last.Locator(".attachment-file")).ToHaveCountAsync(2);
        Assert.Empty(chat.Errors);
    }

    /// <summary>Runs <see cref="FireFileEventJs"/>: whether the page cancelled the event.</summary>
    private static Task<bool> FireAsync(Microsoft.Playwright.IPage page, string type, string selector, string fileName) =>
        page.EvaluateAsync<bool>(FireFileEventJs, new[] { type, selector, fileName });
}
