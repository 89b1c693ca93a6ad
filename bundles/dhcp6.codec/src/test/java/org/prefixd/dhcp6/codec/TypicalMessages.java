package org.prefixd.dhcp6.codec;

import static org.prefixd.dhcp6.codec.Wire.ip6;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Messages as prefixd meets them, built from records: for round-trip tests, the benchmark and
 * the fuzzer's seed corpus.
 */
public final class TypicalMessages {
    /** The client's DUID-LLT (hardware type 1, a MAC address). */
    public static final Duid CLIENT_DUID = new Duid.LinkLayerPlusTime(1, 0x2c3b1a2fL, Bytes.fromHex("02:00:00:00:00:01"));
    /** The server's DUID-EN (Kea's enterprise number 2495). */
    public static final Duid SERVER_DUID = new Duid.Enterprise(2495, Bytes.fromHex("0102030405"));

    private TypicalMessages() {
    }

    /**
     * A Reply that binds one address and one /56: CLIENTID, SERVERID, IA_NA with IAADDR, IA_PD
     * with IAPREFIX, DNS_SERVERS and DOMAIN_LIST.
     */
    public static ClientServerMessage reply() {
        return new ClientServerMessage(MessageType.REPLY, 0x5a1b2c, Options.of(
                new ClientId(CLIENT_DUID),
                new ServerId(SERVER_DUID),
                new IaNa(1, 20, 32, Options.of(new IaAddress(ip6("2001:db8:ffff::100"), 40, 60, Options.NONE))),
                new IaPd(2, 20, 32, Options.of(new IaPrefix(40, 60, 56, ip6("2001:db8:100::"), Options.NONE))),
                new DnsServers(List.of(ip6("2001:db8:ffff::53"), ip6("2001:db8:ffff::54"))),
                new DomainList(List.of(DomainName.of("example.net"), DomainName.of("lan.example.net")))));
    }

    /** A Solicit for an address and a /56 hint, with rapid commit. */
    public static ClientServerMessage solicit() {
        return new ClientServerMessage(MessageType.SOLICIT, 0x0a0b0c, Options.of(
                new ClientId(CLIENT_DUID),
                new ElapsedTime(0),
                OptionRequest.of(OptionCodes.DNS_SERVERS, OptionCodes.DOMAIN_LIST, OptionCodes.SOL_MAX_RT, OptionCodes.NTP_SERVER),
                new RapidCommit(),
                new IaNa(1, 0, 0, Options.NONE),
                new IaPd(2, 0, 0, Options.of(new IaPrefix(0, 0, 56, ip6("::"), Options.NONE)))));
    }

    /** A Relay-Forward carrying {@link #solicit()}, with the relay's Interface-Id and Remote-Id. */
    public static RelayMessage relayForward() {
        return new RelayMessage(MessageType.RELAY_FORW, 0, ip6("2001:db8:1::1"), ip6("fe80::200:ff:fe00:1"), Options.of(
                new InterfaceId(Bytes.of("eth0".getBytes(StandardCharsets.US_ASCII))),
                new RemoteId(3561, Bytes.fromHex("0a0b0c0d")),
                new RelayMessageOption(solicit())));
    }

    /** A DHCPV4-QUERY sent unicast, carrying the start of a DHCPDISCOVER. */
    public static Dhcp4o6Message dhcpv4Query() {
        return new Dhcp4o6Message(MessageType.DHCPV4_QUERY, Dhcp4o6Message.FLAG_UNICAST, Options.of(
                new Dhcp4Message(Bytes.fromHex("01 01 06 00 39 03 f3 26 00 00 00 00 00 00 00 00 63 82 53 63 35 01 01 ff"))));
    }

    /** An Advertise holding one of every option type the codec knows, and an unknown one. */
    public static ClientServerMessage everyOption() {
        StatusCode success = StatusCode.of(StatusCode.SUCCESS, "all fine");
        return new ClientServerMessage(MessageType.ADVERTISE, 0xfffffe, Options.of(
                new ClientId(CLIENT_DUID),
                new ServerId(new Duid.Uuid(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"))),
                new IaNa(1, 100, 160, Options.of(new IaAddress(ip6("2001:db8::1"), 200, 300, Options.of(success)), success)),
                new IaTa(3, Options.of(new IaAddress(ip6("2001:db8::2"), 200, 300, Options.NONE))),
                new IaAddress(ip6("2001:db8::3"), 1, 2, Options.NONE),
                OptionRequest.of(OptionCodes.DNS_SERVERS),
                new Preference(255),
                new ElapsedTime(0xffff),
                new Authentication(3, 1, 0, 1L, Bytes.fromHex("01 00112233445566778899aabbccddeeff")),
                new ServerUnicast(ip6("2001:db8::547")),
                StatusCode.of(StatusCode.SUCCESS, "ok"),
                new RapidCommit(),
                new UserClass(List.of(Bytes.fromHex("6f70656e777274"))),
                new VendorClass(2636, List.of(Bytes.fromHex("4a756e6f73"))),
                new VendorOptions(4491, List.of(new VendorOptions.Suboption(1, Bytes.fromHex("0020")))),
                new InterfaceId(Bytes.fromHex("0001")),
                new ReconfigureMessage(MessageType.RENEW.code()),
                new ReconfigureAccept(),
                new SipServerDomains(List.of(DomainName.of("sip.example.net"))),
                new SipServerAddresses(List.of(ip6("2001:db8::5060"))),
                new DnsServers(List.of(ip6("2001:db8::53"))),
                new DomainList(List.of(DomainName.of("example.net"))),
                new IaPd(2, 100, 160, Options.of(new IaPrefix(200, 300, 48, ip6("2001:db8:100::"), Options.of(
                        new PdExclude(64, Bytes.fromHex("01 00")))))),
                new SntpServers(List.of(ip6("2001:db8::123"))),
                new InformationRefreshTime(86400),
                new RemoteId(3561, Bytes.fromHex("0102")),
                new SubscriberId(Bytes.fromHex("73756273")),
                new ClientFqdn(ClientFqdn.FLAG_S, new DomainName(List.of("router"), false)),
                new NtpServer(List.of(new NtpServer.ServerAddress(ip6("2001:db8::123")),
                        new NtpServer.MulticastAddress(ip6("ff05::101")),
                        new NtpServer.ServerName(DomainName.of("ntp.example.net")),
                        new NtpServer.OtherSuboption(9, Bytes.fromHex("09")))),
                new AftrName(DomainName.of("aftr.example.net")),
                new SolMaxRt(3600),
                new InfMaxRt(3600),
                new Dhcp4Message(Bytes.fromHex("02 01 06 00")),
                new Dhcp4o6Servers(List.of(ip6("2001:db8::67"))),
                new RawOption(0xbeef, Bytes.fromHex("de ad"))));
    }
}
