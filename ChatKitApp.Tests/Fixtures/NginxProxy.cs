using System.Globalization;
using System.Net.Sockets;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// nginx (the program in <c>CHATKIT_NGINX</c>, which eng/test.sh installs from Debian and sets) in
/// front of several app instances, configured as docs/ARCHITECTURE.md describes: pages and the Blazor
/// circuit's connection sticky per client address (a circuit lives in one instance's memory), and
/// <c>/chatkit</c> spread round-robin, since any instance can serve any ChatKit request. Every answer
/// names the instance that gave it in <c>X-Upstream</c>, so a test can see the spread.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string Variable = "CHATKIT_NGINX";

    /// <summary>The header naming the instance (host:port) that answered.</summary>
    public const string UpstreamHeader = "X-Upstream";

    private readonly ExternalProgram _program;

    private NginxProxy(ExternalProgram program, Uri baseAddress)
    {
        _program = program;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output => _program.Output;

    public static async Task<NginxProxy> StartAsync(IEnumerable<Uri> instances, CancellationToken cancellationToken)
    {
        var port = AppProcess.FreePort();
        var servers = string.Concat(instances.Select(i => $"        server {i.Host}:{i.Port.ToString(CultureInfo.InvariantCulture)};\n"));
        var program = await ExternalProgram.StartAsync(
            Variable,
            directory =>
            {
                File.WriteAllText(Path.Combine(directory, "nginx.conf"), Config(directory, port, servers));
                return ["-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-e", Path.Combine(directory, "error.log")];
            },
            async () =>
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            },
            cancellationToken);
        return new NginxProxy(program, new Uri($"http://127.0.0.1:{port}"));
    }

    public ValueTask DisposeAsync() => _program.DisposeAsync();

    private static string Config(string directory, int port, string servers) => $$"""
        daemon off;
        master_process off;
        worker_processes 1;
        pid {{directory}}/nginx.pid;
        error_log {{directory}}/error.log warn;
        events { worker_connections 1024; }
        http {
            access_log off;
            client_body_temp_path {{directory}}/body;
            proxy_temp_path {{directory}}/proxy;
            fastcgi_temp_path {{directory}}/fastcgi;
            uwsgi_temp_path {{directory}}/uwsgi;
            scgi_temp_path {{directory}}/scgi;
            client_max_body_size 64m;

            map $http_upgrade $connection_upgrade { default upgrade; '' close; }

            # Pages and the Blazor circuit: one client address, one instance.
            upstream chatkit_sticky {
                ip_hash;
        {{servers}}    }

            # The ChatKit API: any instance serves any request, so spread them.
            upstream chatkit_spread {
        {{servers}}    }

            server {
                listen 127.0.0.1:{{port}};
                add_header {{UpstreamHeader}} $upstream_addr always;
                proxy_http_version 1.1;
                proxy_set_header Host $http_host;
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                proxy_set_header X-Forwarded-Proto $scheme;

                location /chatkit {
                    proxy_pass http://chatkit_spread;
                    proxy_set_header Connection "";
                    proxy_buffering off;          # server-sent events go out as they are written
                    proxy_request_buffering off;
                    proxy_read_timeout 1h;
                }

                location / {
                    proxy_pass http://chatkit_sticky;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_read_timeout 1h;
                }
            }
        }
        """;
}
