using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatKitApp.Attachments;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatKitApp.Tests.Attachments;

/// <summary><c>ChatKit:Attachments:AllowedTypes</c> from configuration replaces the default list instead of adding to it.</summary>
public sealed class AllowedTypesConfigurationTests
{
    [Fact]
    public async Task A_configured_list_without_pdf_replaces_the_defaults_so_a_pdf_is_refused_with_415()
    {
        await using var app = new ChatKitAppFactory(new()
        {
            ["ChatKit:Attachments:AllowedTypes:0"] = "image/png",
            ["ChatKit:Attachments:AllowedTypes:1"] = "text/plain",
        });
        using var guest = await UserClient.CreateGuestAsync(app);

        using var pdf = await CreateAsync(guest.Http, "report.pdf", "application/pdf");
        using var png = await CreateAsync(guest.Http, "dot.png", "image/png");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, pdf.StatusCode);
        Assert.Equal("unsupported_type", (await pdf.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal(["image/png", "text/plain"], app.Services.GetRequiredService<IOptions<AttachmentOptions>>().Value.EffectiveAllowedTypes);
    }

    [Fact]
    public async Task Without_a_configured_list_the_defaults_apply_and_a_pdf_is_accepted()
    {
        await using var app = new ChatKitAppFactory();
        using var guest = await UserClient.CreateGuestAsync(app);

        using var pdf = await CreateAsync(guest.Http, "report.pdf", "application/pdf");

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(AttachmentOptions.DefaultAllowedTypes, app.Services.GetRequiredService<IOptions<AttachmentOptions>>().Value.EffectiveAllowedTypes);
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient http, string name, string mimeType) =>
        http.PostAsJsonAsync(
            new Uri("/chatkit", UriKind.Relative),
            new JsonObject { ["type"] = "attachments.create", ["params"] = new JsonObject { ["name"] = name, ["size"] = 10, ["mime_type"] = mimeType } });
}
