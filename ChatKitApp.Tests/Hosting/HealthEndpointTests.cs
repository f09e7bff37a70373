using System.Net;
using ChatKitApp.Tests.Fixtures;
using Npgsql;

namespace ChatKitApp.Tests.Hosting;

/// <summary><c>/health/live</c>, <c>/health/ready</c> and the <c>/healthz</c> alias, on a database that goes away (a proxy in front of the test PostgreSQL is cut).</summary>
public sealed class HealthEndpointTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/healthz")]
    public async Task Each_endpoint_is_healthy_on_the_memory_store(string path)
    {
        await using var app = new ChatKitAppFactory();
        using var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task When_the_database_stops_ready_and_healthz_turn_unhealthy_while_live_stays_healthy()
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = TcpProxy.Create(server.Host!, server.Port);
        proxy.Up();
        await using var app = ChatKitAppFactory.OnPostgres(
            new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 }.ConnectionString);
        using var http = app.CreateClient();
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), await ProbeAsync(http));

        proxy.Down();
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), await ProbeAsync(http));
        using (var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        }

        proxy.Up();
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), await ProbeAsync(http));
    }

    private static async Task<(HttpStatusCode Live, HttpStatusCode Ready, HttpStatusCode Healthz)> ProbeAsync(HttpClient http)
    {
        using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var healthz = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        return (live.StatusCode, ready.StatusCode, healthz.StatusCode);
    }
}
