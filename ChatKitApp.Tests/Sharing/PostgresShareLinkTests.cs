using System.Security.Cryptography;
using ChatKitApp.Tests.Fixtures;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace ChatKitApp.Tests.Sharing;

/// <summary>The share link suite on PostgreSQL (each app in its own empty schema), and what the table holds.</summary>
public sealed class PostgresShareLinkTests(PostgresFixture database) : ShareLinkTests, IClassFixture<PostgresFixture>
{
    private string _connectionString = "";

    protected override async Task<ChatKitAppFactory> CreateAppAsync()
    {
        _connectionString = await database.CreateSchemaAsync();
        return ChatKitAppFactory.OnPostgres(_connectionString);
    }

    [Fact]
    public async Task The_table_holds_the_tokens_hash_and_never_the_token()
    {
        using var owner = await UserClient.CreateGuestAsync(App);
        var threadId = await owner.Http.CreateThreadAsync("Hash it");
        var token = (await owner.Http.ShareAsync(threadId))["/share/".Length..];

        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand("SELECT token_hash, shares::text FROM shares WHERE thread_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = threadId });
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(SHA256.HashData(WebEncoders.Base64UrlDecode(token)), (byte[])row[0]);
        Assert.DoesNotContain(token, (string)row[1], StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(WebEncoders.Base64UrlDecode(token)), (string)row[1], StringComparison.Ordinal);
    }
}
