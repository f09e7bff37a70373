using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.ChatKit.Store;
using ChatKitApp.ChatKitHost;
using ChatKitApp.Feedback;
using ChatKitApp.Postgres;
using ChatKitApp.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChatKitApp.Tests.ChatKit.Server;

/// <summary>POST /chatkit and /healthz with <c>ConnectionStrings:ChatKit</c> set, each test on an empty schema the app migrates.</summary>
public sealed class PostgresEndpointTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Threads_created_through_chatkit_are_listed_and_survive_an_app_restart()
    {
        var connectionString = await database.CreateSchemaAsync();
        string threadId;
        System.Net.CookieContainer cookies;
        await using (var app = ChatKitAppFactory.OnPostgres(connectionString))
        {
            Assert.IsType<PostgresStore<ChatKitRequestContext>>(app.Services.GetRequiredService<IChatKitStore<ChatKitRequestContext>>());
            using var user = await UserClient.CreateGuestAsync(app);
            threadId = await user.Http.CreateThreadAsync("Hello Postgres");
            cookies = user.Cookies;

            Assert.Equal([threadId], await user.Http.ListThreadIdsAsync());
        }

        await using (var restarted = ChatKitAppFactory.OnPostgres(connectionString))
        {
            // The same browser (cookie jar) comes back to the new instance.
            using var client = restarted.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));

            Assert.Equal([threadId], await client.ListThreadIdsAsync());
            var items = await PostJsonAsync(client, new JsonObject
            {
                ["type"] = "items.list",
                ["params"] = new JsonObject { ["thread_id"] = threadId, ["order"] = "asc" },
            });
            Assert.Equal(["user_message", "assistant_message"], items["data"]!.AsArray().Select(i => (string)i!["type"]!));
        }
    }

    [Fact]
    public async Task Healthz_is_healthy_when_the_database_is()
    {
        await using var app = ChatKitAppFactory.OnPostgres(await database.CreateSchemaAsync());

        var response = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_is_unhealthy_when_the_database_is_unreachable()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var app = new ChatKitAppFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ChatKit"] = unreachable,
            ["ChatKit:Postgres:MigrateOnStartup"] = "false", // else start-up itself fails, as it should
        });

        var response = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Items_feedback_is_kept_in_the_database()
    {
        var connectionString = await database.CreateSchemaAsync();
        await using var app = ChatKitAppFactory.OnPostgres(connectionString);
        Assert.IsType<PostgresFeedbackStore>(app.Services.GetRequiredService<IFeedbackStore>());
        using var user = await UserClient.CreateGuestAsync(app);
        var client = user.Http;
        var threadId = await client.CreateThreadAsync("Rate me");

        await PostJsonAsync(client, new JsonObject
        {
            ["type"] = "items.feedback",
            ["params"] = new JsonObject { ["thread_id"] = threadId, ["item_ids"] = new JsonArray("msg_a"), ["kind"] = "negative" },
        });

        var stored = await new PostgresFeedbackStore(database.OpenDataSource(connectionString))
            .ListAsync(user.UserId, threadId, CancellationToken.None);
        Assert.Equal(["msg_a"], Assert.Single(stored).ItemIds);
    }

    private static async Task<JsonNode> PostJsonAsync(HttpClient client, JsonObject request)
    {
        using var response = await client.PostAsJsonAsync("/chatkit", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!;
    }
}
