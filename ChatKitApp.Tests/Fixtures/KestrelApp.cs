using System.Net.Sockets;
using System.Text;
using ChatKitApp.Attachments;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatKitApp.Tests.Fixtures;

/// <summary>
/// The app on a loopback Kestrel socket, in a chosen environment, with a guest signed in: for what
/// TestServer does not do (HTTP/1.1 framing such as chunk sizes, Kestrel's body size cap) and for
/// the Production error handling. <see cref="Http"/> carries the guest's cookie and the upload
/// marker header on every request; <see cref="SendRawAsync"/> writes bytes no HttpClient would.
/// </summary>
public sealed class KestrelApp : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ChatKitAppFactory _factory;

    private KestrelApp(ChatKitAppFactory factory, Uri address, HttpClient http, string cookie)
    {
        _factory = factory;
        Address = address;
        Http = http;
        Cookie = cookie;
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>The guest's auth cookie as a <c>Cookie</c> header value.</summary>
    public string Cookie { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// Starts the app in <paramref name="environment"/> (Development or Production), with
    /// <paramref name="services"/> registered after the app's own, and signs a guest in.
    /// </summary>
    public static async Task<KestrelApp> StartAsync(string environment, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var factory = new ChatKitAppFactory(new Dictionary<string, string?>(settings ?? [])
        {
            ["urls"] = "http://127.0.0.1:0",
            [HostDefaults.EnvironmentKey] = environment,
        })
        {
            TestServices = services,
        };
        factory.UseKestrel(0);
        factory.StartServer();
        Assert.Equal(environment, factory.Services.GetRequiredService<IWebHostEnvironment>().EnvironmentName);
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        // Cookies by hand: outside Development the auth cookie is Secure, which a cookie jar keeps off http.
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = address, Timeout = Timeout };
        using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        page.EnsureSuccessStatusCode();
        var cookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".ChatKitApp.Auth=", StringComparison.Ordinal));
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        http.DefaultRequestHeaders.Add(BlobAttachmentStore.RequestMarkerHeader, "1");
        return new KestrelApp(factory, address, http, cookie);
    }

    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers, CRLF-separated, without the blank
    /// line) with the guest's cookie, <c>Connection: close</c> and <paramref name="body"/> as they
    /// are; answers the status, the content type and the (de-chunked) body.
    /// </summary>
    public async Task<RawResponse> SendRawAsync(string head, byte[] body)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(Address.Host, Address.Port, timeout.Token);
        var stream = client.GetStream();
        var request = $"{head}\r\nHost: {Address.Authority}\r\nCookie: {Cookie}\r\n{BlobAttachmentStore.RequestMarkerHeader}: 1\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        try
        {
            await stream.WriteAsync(body, timeout.Token);
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything; its answer is what counts.
        }

        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        return RawResponse.Parse(received.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
    }
}
