using StackExchange.Redis;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// A throwaway redis-server (the program in <c>CHATKIT_REDIS_SERVER</c>, which eng/test.sh installs
/// from Debian and sets) on a free loopback port, without persistence, for one test class.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string Variable = "CHATKIT_REDIS_SERVER";

    private readonly List<ConnectionMultiplexer> _connections = [];
    private ExternalProgram? _program;

    /// <summary>The connection string, as <c>ConnectionStrings:Redis</c> takes it.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = AppProcess.FreePort();
        ConnectionString = $"127.0.0.1:{port}";
        _program = await ExternalProgram.StartAsync(
            Variable,
            directory => ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory],
            async () =>
            {
                try
                {
                    await using var probe = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
                    return probe.IsConnected;
                }
                catch (RedisConnectionException)
                {
                    return false;
                }
            },
            CancellationToken.None);
    }

    /// <summary>A connection of its own, as another app instance would have (closed with the fixture).</summary>
    public async Task<IConnectionMultiplexer> ConnectAsync()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        _connections.Add(connection);
        return connection;
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        if (_program is not null)
        {
            await _program.DisposeAsync();
        }
    }
}
