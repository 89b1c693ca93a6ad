package org.prefixd.dhcp6.client.osgi;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;

import org.osgi.service.log.Logger;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.SessionStatus;
import org.prefixd.api.WanLease4;
import org.prefixd.dhcp6.client.Dhcp4Session;
import org.prefixd.dhcp6.client.Lease4;
import org.prefixd.dhcp6.client.Lease4Event;
import org.prefixd.dhcp6.client.Session;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.DecodeException;
import org.prefixd.dhcp6.codec.Dhcp4Codec;
import org.prefixd.dhcp6.codec.Dhcp4Message;
import org.prefixd.dhcp6.codec.Dhcp4Packet;
import org.prefixd.dhcp6.codec.Dhcp4o6Message;
import org.prefixd.dhcp6.codec.Dhcp6Codec;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.Options;

/**
 * The DHCPv4-over-DHCPv6 client of one link (RFC 7341): a {@link Dhcp4Session} whose messages
 * travel in DHCPv4-query/response over the DHCPv6 client's own socket (port 546 to 547, §5), to
 * the 4o6 servers the DHCPv6 lease names (option 88; ff02::1:2 when it names none). It starts when
 * a DHCPv6 lease first names 4o6 servers and stops (the IPv4 lease ending with it) when no
 * lease does any more. Everything runs on the LinkClient's event loop.
 */
final class FourOverSixClient {
    /** Makes the client when the socket is bound, knowing the interface (its MAC) and how a kept lease was kept. */
    interface Factory {
        FourOverSixClient make(NetworkInterface nif, java.util.function.Function<Optional<String>, Session.Resume> resume) throws java.io.IOException;
    }

    private final InterfaceName link;
    private final Dhcp4Session session;
    private final Optional<Lease4> kept;
    private final Session.Resume how;
    private final Consumer<Lease4Event> onLease;
    private final Logger log;
    private final Clock clock = Clock.systemUTC();
    private Channel channel;
    private NetworkInterface nif;
    private InetSocketAddress multicast;
    private List<InetSocketAddress> servers = List.of();
    private boolean running;
    private ScheduledFuture<?> wake;
    private volatile SessionStatus.Ipv4 status = new SessionStatus.Ipv4("WAITING_FOR_OPTION_88", Optional.empty(), Optional.empty());

    /**
     * @param kept the IPv4 lease from the state directory
     * @param how how that lease was kept: as for the DHCPv6 lease
     */
    FourOverSixClient(InterfaceName link, Dhcp4Session session, Optional<Lease4> kept, Session.Resume how, Consumer<Lease4Event> onLease, Logger log) {
        this.link = link;
        this.session = session;
        this.kept = kept;
        this.how = how;
        this.onLease = onLease;
        this.log = log;
    }

    /** The socket is bound: messages can go. */
    void attach(Channel channel, NetworkInterface nif, InetSocketAddress multicast) {
        this.channel = channel;
        this.nif = nif;
        this.multicast = multicast;
    }

    /**
     * Event loop, after every step of the DHCPv6 session: the 4o6 servers its lease names now,
     * or empty when it has no lease or the lease names none.
     */
    void serversNamed(Optional<List<Inet6Address>> named) {
        if (named.isEmpty()) {
            if (running) {
                running = false;
                apply(session.abandon("the DHCPv6 lease no longer names a 4o6 server"));
            }
            return;
        }
        List<InetSocketAddress> next = new ArrayList<>();
        for (Inet6Address a : named.get()) next.add(new InetSocketAddress(scoped(a), LinkClient.SERVER_PORT));
        if (!next.equals(servers) || !running) {
            log.info("{}: DHCPv4 over DHCPv6 via {}", link, next.isEmpty() ? "ff02::1:2 (option 88 names no server)"
                    : named.get().stream().map(Ipv6Text::format).toList());
        }
        servers = List.copyOf(next);
        if (running) return;
        running = true;
        apply(session.start(clock.instant(), kept, how));
    }

    /** Event loop: a DHCPv4-response. */
    void received(Dhcp4o6Message response, Consumer<String> drop) {
        Optional<Bytes> inner = response.dhcp4Message();
        if (inner.isEmpty()) {
            drop.accept("a DHCPV4-RESPONSE without a DHCPv4 Message option");
            return;
        }
        if (!running) {
            drop.accept("a DHCPV4-RESPONSE while DHCPv4 over DHCPv6 is not running");
            return;
        }
        Dhcp4Packet packet;
        try {
            packet = Dhcp4Codec.decode(inner.get().toArray());
        } catch (DecodeException e) {
            drop.accept("a DHCPV4-RESPONSE with a malformed DHCPv4 message: " + e.getMessage());
            return;
        }
        if (log.isDebugEnabled()) log.debug("{}: received {}", link, packet);
        Dhcp4Session.Step step = session.received(packet, clock.instant());
        if (step.note().startsWith("ignored: ")) drop.accept("a " + packet.type().rfcName() + ": " + step.note().substring(9));
        apply(step);
    }

    /** Event loop: a request of the command line. */
    Dhcp4Session.Step act(java.util.function.Function<Instant, Dhcp4Session.Step> request) {
        if (!running) return new Dhcp4Session.Step(List.of(), Optional.empty(), Optional.empty(), "DHCPv4 over DHCPv6 is not running (no 4o6 server named)");
        Dhcp4Session.Step step = request.apply(clock.instant());
        apply(step);
        return step;
    }

    boolean running() {
        return running;
    }

    Dhcp4Session session() {
        return session;
    }

    /** For SessionStatus; the state and the lease as of the last step. */
    SessionStatus.Ipv4 status() {
        return status;
    }

    void stop() {
        if (wake != null) wake.cancel(false);
        wake = null;
    }

    private final Runnable onWake = this::wakeUp;

    private void wakeUp() {
        apply(session.timer(clock.instant()));
    }

    private void apply(Dhcp4Session.Step step) {
        if (!step.note().startsWith("ignored: ") && !step.note().equals("lease timers") && !step.note().startsWith("waiting"))
            log.info("{}: DHCPv4 over DHCPv6: {}", link, step.note());
        for (Dhcp4Session.Send send : step.send()) {
            if (log.isDebugEnabled()) log.debug("{}: sending {}", link, send.packet());
            Dhcp4o6Message query = new Dhcp4o6Message(MessageType.DHCPV4_QUERY, send.unicast() ? Dhcp4o6Message.FLAG_UNICAST : 0,
                    Options.of(new Dhcp4Message(Bytes.of(Dhcp4Codec.encode(send.packet())))));
            byte[] bytes = Dhcp6Codec.encode(query);
            if (servers.isEmpty()) channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), multicast));
            for (InetSocketAddress server : servers) channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), server));
        }
        step.event().ifPresent(onLease);
        Optional<WanLease4> lease = session.lease().map(l -> Lease4Effects.wanLease4(link, l));
        status = new SessionStatus.Ipv4(session.state().name(), lease, step.wakeAt());
        if (wake != null) wake.cancel(false);
        wake = step.wakeAt().isEmpty() ? null
                : channel.eventLoop().schedule(onWake, Math.max(0, Duration.between(clock.instant(), step.wakeAt().get()).toMillis()), TimeUnit.MILLISECONDS);
    }

    /** A link-local server address is scoped to the link; others go by the routing table. */
    private Inet6Address scoped(Inet6Address a) {
        if (!a.isLinkLocalAddress()) return a;
        try {
            return Inet6Address.getByAddress(null, a.getAddress(), nif);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 16 bytes are always an address
        }
    }
}
