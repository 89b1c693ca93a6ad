package org.prefixd.dhcp6.client.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;
import org.prefixd.api.InterfaceName;
import org.prefixd.dhcp6.client.Dhcp4Session;
import org.prefixd.dhcp6.client.Dhcp4Settings;
import org.prefixd.dhcp6.client.Lease4Event;
import org.prefixd.dhcp6.client.Session;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.Dhcp4Codec;
import org.prefixd.dhcp6.codec.Dhcp4Message;
import org.prefixd.dhcp6.codec.Dhcp4MessageType;
import org.prefixd.dhcp6.codec.Dhcp4Option;
import org.prefixd.dhcp6.codec.Dhcp4Options;
import org.prefixd.dhcp6.codec.Dhcp4Packet;
import org.prefixd.dhcp6.codec.Dhcp4o6Message;
import org.prefixd.dhcp6.codec.Dhcp6Codec;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.Options;

/**
 * What the 4o6 client puts on the wire (RFC 7341 §5–6): each DHCPv4 message in a DHCPV4-QUERY to
 * ff02::1:2 while option 88 names no server and to the named servers otherwise, the unicast flag
 * set exactly where native DHCPv4 would unicast (the REQUEST of RENEWING, the RELEASE).
 */
class FourOverSixClientTest {
    private static final Logger QUIET = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
    private static final InetSocketAddress MULTICAST = new InetSocketAddress(ip6("ff02::1:2"), LinkClient.SERVER_PORT);
    private static final Inet6Address SERVER6 = ip6("2001:db8:ffff::1");
    private static final Inet4Address SERVER4 = ip4("192.0.2.1");

    private final AtomicInteger xids = new AtomicInteger(0x1000);
    private final List<Lease4Event> events = new ArrayList<>();
    private final Dhcp4Session session = new Dhcp4Session(
            new Dhcp4Settings(Dhcp4Settings.clientId(1, Duid.fromHex("0003000102005e100001")), 1, Bytes.fromHex("02005e100001"), List.of()),
            () -> 0.5, xids::incrementAndGet);
    private final FourOverSixClient client = new FourOverSixClient(InterfaceName.of("wan0"), session, Optional.empty(),
            Session.Resume.PROCESS_STARTED, events::add, QUIET);
    private final EmbeddedChannel channel = new EmbeddedChannel();

    private static Inet6Address ip6(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static Inet4Address ip4(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A query as it left: where to, its flags and the DHCPv4 message inside. */
    private record Sent(InetSocketAddress to, int flags, Dhcp4Packet packet) {}

    private Sent sent() throws Exception {
        DatagramPacket datagram = channel.readOutbound();
        assertTrue(datagram != null, "nothing was sent");
        try {
            Dhcp4o6Message query = (Dhcp4o6Message) Dhcp6Codec.decode(ByteBufUtil.getBytes(datagram.content()));
            assertEquals(MessageType.DHCPV4_QUERY, query.type());
            return new Sent(datagram.recipient(), query.flags(), Dhcp4Codec.decode(query.dhcp4Message().orElseThrow().toArray()));
        } finally {
            datagram.release();
        }
    }

    private void answer(Dhcp4Packet to, Dhcp4MessageType type) {
        List<Dhcp4Option> options = List.of(Dhcp4Option.u8(Dhcp4Option.MESSAGE_TYPE, type.code()),
                Dhcp4Option.of(Dhcp4Option.SERVER_ID, SERVER4.getAddress()), Dhcp4Option.u32(Dhcp4Option.LEASE_TIME, 4000));
        Dhcp4Packet reply = new Dhcp4Packet(Dhcp4Packet.BOOTREPLY, 1, 6, 0, to.xid(), 0, 0, Dhcp4Codec.UNSPECIFIED, ip4("192.0.2.100"),
                Dhcp4Codec.UNSPECIFIED, Dhcp4Codec.UNSPECIFIED, to.chaddr(), to.sname(), to.file(), Dhcp4Options.of(options), 0);
        client.received(new Dhcp4o6Message(MessageType.DHCPV4_RESPONSE, 0,
                Options.of(new Dhcp4Message(Bytes.of(Dhcp4Codec.encode(reply))))), why -> { throw new AssertionError(why); });
    }

    @AfterEach
    void close() {
        client.stop();
        channel.finishAndReleaseAll();
    }

    @Test
    void queriesGoToTheNamedServersOrAllServersMulticastWithTheUnicastFlagWhereDhcpv4WouldUnicast() throws Exception {
        client.attach(channel, NetworkInterface.getByName("lo"), MULTICAST);

        client.serversNamed(Optional.of(List.of())); // option 88 without an address
        Sent discover = sent();
        assertEquals(MULTICAST, discover.to());
        assertEquals(Dhcp4MessageType.DISCOVER, discover.packet().type());
        assertEquals(0, discover.flags());

        client.serversNamed(Optional.of(List.of(SERVER6)));
        answer(discover.packet(), Dhcp4MessageType.OFFER);
        Sent request = sent();
        assertEquals(new InetSocketAddress(SERVER6, LinkClient.SERVER_PORT), request.to());
        assertEquals(Dhcp4MessageType.REQUEST, request.packet().type());
        assertEquals(0, request.flags(), "SELECTING broadcasts its REQUEST");

        answer(request.packet(), Dhcp4MessageType.ACK);
        assertEquals(Lease4Event.Kind.BOUND, events.get(0).kind());
        assertNull(channel.readOutbound());

        client.act(session::renewNow);
        Sent renew = sent();
        assertEquals(Dhcp4MessageType.REQUEST, renew.packet().type());
        assertEquals(Dhcp4o6Message.FLAG_UNICAST, renew.flags(), "RENEWING unicasts its REQUEST");
        assertEquals(new InetSocketAddress(SERVER6, LinkClient.SERVER_PORT), renew.to());

        client.act(session::release);
        Sent release = sent();
        assertEquals(Dhcp4MessageType.RELEASE, release.packet().type());
        assertEquals(Dhcp4o6Message.FLAG_UNICAST, release.flags());
        assertEquals(Lease4Event.Kind.RELEASED, events.get(events.size() - 1).kind());
    }
}
