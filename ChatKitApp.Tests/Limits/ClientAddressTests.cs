using System.Net;
using ChatKitApp.ChatKit.Server;
using ChatKitApp.Limits;

namespace ChatKitApp.Tests.Limits;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("2001:db8:0:0::1", "2001:db8::ffff:ffff:1")] // one /64: one host can use all of it
    [InlineData("203.0.113.7", "::ffff:203.0.113.7")] // IPv4 over a dual-stack socket
    public void Addresses_one_client_can_pick_from_share_a_key(string one, string other) =>
        Assert.Equal(ClientAddress.KeyOf(IPAddress.Parse(one)), ClientAddress.KeyOf(IPAddress.Parse(other)));

    [Theory]
    [InlineData("2001:db8:0:0::1", "2001:db8:0:1::1")]
    [InlineData("203.0.113.7", "203.0.113.8")]
    public void Addresses_of_different_clients_have_different_keys(string one, string other) =>
        Assert.NotEqual(ClientAddress.KeyOf(IPAddress.Parse(one)), ClientAddress.KeyOf(IPAddress.Parse(other)));

    [Fact]
    public void A_connection_without_an_ip_address_has_no_key() =>
        Assert.Null(ClientAddress.KeyOf(null));
}
