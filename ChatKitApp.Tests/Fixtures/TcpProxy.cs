using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// A loopback TCP port in front of a server (the test PostgreSQL) that a test can take down and bring
/// back: down, the port refuses connections and every open one is cut, as when the database
/// server stops or the network fails; up, it forwards again. Other test classes keep using the
/// real server meanwhile.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly Lock _lock = new();
    private TcpListener? _listener;

    private TcpProxy(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    /// <summary>The loopback port clients connect to; the same whether up or down.</summary>
    public int Port { get; }

    /// <summary>A proxy to <paramref name="host"/>:<paramref name="port"/>, down until <see cref="Up"/>.</summary>
    public static TcpProxy Create(string host, int port)
    {
        var target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        using var probe = new TcpListener(IPAddress.Loopback, 0); // a free port, kept by taking it back in Up
        probe.Start();
        var free = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TcpProxy(target, free);
    }

    /// <summary>Starts forwarding.</summary>
    public void Up()
    {
        lock (_lock)
        {
            if (_listener is not null)
            {
                return;
            }

            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _listener = listener;
            _ = AcceptAsync(listener);
        }
    }

    /// <summary>Refuses new connections and cuts the open ones.</summary>
    public void Down()
    {
        lock (_lock)
        {
            _listener?.Stop();
            _listener = null;
        }

        foreach (var socket in _open.Keys)
        {
            Close(socket);
        }
    }

    public ValueTask DisposeAsync()
    {
        Down();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(_target);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // cut by Down, or the server went away
        }
        finally
        {
            Close(client);
            Close(server);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // cut
        }
    }

    private void Close(Socket socket)
    {
        if (_open.TryRemove(socket, out _))
        {
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // not connected
            }

            socket.Close(0); // a reset, as a crashed server or a broken network gives
        }
    }
}
