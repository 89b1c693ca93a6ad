package org.prefixd.dhcp6.client.osgi;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.ScheduledFuture;

import org.osgi.service.log.Logger;
import org.prefixd.api.AtomicFile;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.LinkLocal;
import org.prefixd.api.Prefix;
import org.prefixd.api.SessionStatus;
import org.prefixd.api.WanLink;
import org.prefixd.api.WarnLimiter;
import org.prefixd.dhcp6.client.LeaseEvent;
import org.prefixd.dhcp6.client.LeaseFile;
import org.prefixd.dhcp6.client.Session;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.DecodeException;
import org.prefixd.dhcp6.codec.Dhcp4o6Message;
import org.prefixd.dhcp6.codec.Dhcp6Codec;
import org.prefixd.dhcp6.codec.Message;
import org.prefixd.dhcp6.codec.MessageType;

/**
 * One session on one WanLink: the UDP socket on [link-local%if]:546, the Session, its timers.
 * Everything runs on the channel's event loop, one thread, never blocked by the session (pure).
 */
final class LinkClient {
    static final int CLIENT_PORT = 546;
    static final int SERVER_PORT = 547;
    private static final Inet6Address ALL_SERVERS_AND_RELAYS = parse("ff02::1:2");

    private final WanLink link;
    private final Session session;
    private final Path leaseFile;
    private final Consumer<LeaseEvent> onLease;
    private final Logger log;
    private final Clock clock = Clock.systemUTC();
    private Channel channel;
    private InetSocketAddress servers;
    private ScheduledFuture<?> wake;
    private long dropped;
    private final WarnLimiter warnings = new WarnLimiter();
    private volatile SessionStatus status;

    private final boolean anySourcePort;
    /** DHCPv4 over DHCPv6, when configured; made at start, when the link's MAC is known. */
    private final FourOverSixClient.Factory fourOverSixFactory;
    private volatile FourOverSixClient fourOverSix; // read by status() on other threads

    LinkClient(WanLink link, Session session, boolean anySourcePort, Path leaseFile, Consumer<LeaseEvent> onLease, Logger log) {
        this(link, session, anySourcePort, leaseFile, onLease, log, null);
    }

    /** @param fourOverSix makes the DHCPv4-over-DHCPv6 client at start; null when it is not configured */
    LinkClient(WanLink link, Session session, boolean anySourcePort, Path leaseFile, Consumer<LeaseEvent> onLease, Logger log,
               FourOverSixClient.Factory fourOverSix) {
        this.fourOverSixFactory = fourOverSix;
        this.anySourcePort = anySourcePort;
        this.link = link;
        this.session = session;
        this.leaseFile = leaseFile;
        this.onLease = onLease;
        this.log = log;
    }

    /**
     * Binds the socket and starts the session with the lease kept in the state directory, if any.
     *
     * @param linkReturned this prefixd watched the link go away and come back
     * @param framework the running framework's UUID: a lease written by another (an earlier
     *                  process) was kept across a gap in which nobody watched the link
     */
    void start(EventLoopGroup group, boolean linkReturned, String framework) throws IOException, InterruptedException {
        NetworkInterface nif = NetworkInterface.getByName(link.name().value());
        if (nif == null) throw new IOException("no interface " + link.name());
        Inet6Address local = Inet6Address.getByAddress(null, link.local().getAddress(), nif);
        servers = new InetSocketAddress(Inet6Address.getByAddress(null, ALL_SERVERS_AND_RELAYS.getAddress(), nif), SERVER_PORT);
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channelFactory(() -> new NioDatagramChannel(SocketProtocolFamily.INET6))
                .handler(new DatagramReader(this::receive));
        try {
            channel = bootstrap.bind(new InetSocketAddress(local, CLIENT_PORT)).sync().channel();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) { // Netty rethrows the socket's exception undeclared
            if (!(e instanceof java.net.SocketException)) throw e;
            // Ports below 1024 need CAP_NET_BIND_SERVICE: the usual reason for "Permission denied".
            throw new IOException("cannot bind [" + LinkLocal.format(link.local()) + "%" + link.name() + "]:" + CLIENT_PORT + ": " + e.getMessage()
                    + ("Permission denied".equals(e.getMessage()) ? " (prefixd needs CAP_NET_BIND_SERVICE for the DHCPv6 client port: see its service's capabilities)" : ""), e);
        }
        Optional<LeaseFile.Stored> stored = readLeaseFile();
        Optional<org.prefixd.dhcp6.client.Lease> lease = stored.map(LeaseFile.Stored::lease);
        Session.Resume how = resume(linkReturned, stored.flatMap(LeaseFile.Stored::writtenBy), framework);
        if (fourOverSixFactory != null) {
            fourOverSix = fourOverSixFactory.make(nif, (writtenBy) -> resume(linkReturned, writtenBy, framework));
            fourOverSix.attach(channel, nif, servers);
        }
        channel.eventLoop().execute(() -> apply(session.start(clock.instant(), lease, how)));
    }

    private static Session.Resume resume(boolean linkReturned, Optional<String> writtenBy, String framework) {
        return linkReturned ? Session.Resume.LINK_RETURNED
                : writtenBy.filter(framework::equals).isPresent() ? Session.Resume.WATCHED
                : Session.Resume.PROCESS_STARTED;
    }

    /** A damaged file is set aside (kept for a look, never read again) and the session starts afresh. */
    private Optional<LeaseFile.Stored> readLeaseFile() throws IOException {
        try {
            return LeaseFile.readStored(leaseFile);
        } catch (IllegalArgumentException e) {
            log.error("{}: the lease file {} is damaged ({}): starting without a lease; {}", link.name(), leaseFile, e.getMessage(), AtomicFile.setAside(leaseFile));
            return Optional.empty();
        }
    }

    void stop() {
        if (channel == null) return;
        channel.eventLoop().execute(() -> {
            if (wake != null) wake.cancel(false);
            if (fourOverSix != null) fourOverSix.stop();
        });
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    /** Made once: a lambda's first call costs a bootstrap, and the first is on the lease's path. */
    private final Runnable onWake = this::wakeUp;

    private void wakeUp() {
        apply(session.timer(clock.instant()));
    }

    Session session() {
        return session;
    }

    private void receive(DatagramPacket packet) {
        if (packet.sender().getPort() != SERVER_PORT && !anySourcePort) {
            drop("a packet from port " + packet.sender().getPort() + ", not 547 (accept.any.source.port = true accepts it)");
            return;
        }
        byte[] bytes = ByteBufUtil.getBytes(packet.content());
        Message message;
        try {
            message = Dhcp6Codec.decode(bytes);
        } catch (DecodeException e) {
            drop("a malformed packet: " + e.getMessage());
            return;
        }
        if (message instanceof Dhcp4o6Message response && response.type() == MessageType.DHCPV4_RESPONSE && fourOverSix != null) {
            fourOverSix.received(response, this::drop);
            return;
        }
        if (!(message instanceof ClientServerMessage cs)) {
            drop("a " + message.type().rfcName() + " message");
            return;
        }
        if (log.isDebugEnabled()) log.debug("{}: received {}", link.name(), cs);
        Session.Step step = cs.type() == MessageType.RECONFIGURE ? session.reconfigure(bytes, cs, clock.instant()) : session.received(cs, clock.instant());
        if (cs.type() == MessageType.RECONFIGURE && !step.note().startsWith("ignored: ")) log.info("{}: {}", link.name(), step.note());
        // One line per message: why it was ignored, and what of it was set aside.
        java.util.List<String> why = new java.util.ArrayList<>();
        if (step.note().startsWith("ignored: ")) why.add(step.note().substring(9));
        why.addAll(step.setAside());
        if (!why.isEmpty()) drop((why.size() > step.setAside().size() ? "a " : "parts of a ") + cs.type().rfcName() + ": " + String.join("; ", why));
        apply(step);
    }

    /** Counted, and logged at most ten times a minute. */
    private void drop(String what) {
        dropped++;
        warnings.warn(log::warn, link.name() + ": dropped " + what + " (" + dropped + " dropped so far)");
    }

    private void apply(Session.Step step) {
        if (step.note().startsWith("Solicit (")) log.info("{}: soliciting ({})", link.name(), step.note().substring(9, step.note().length() - 1));
        String rebind = MessageType.REBIND.rfcName() + " (";
        if (step.note().startsWith(rebind)) log.info("{}: rebinding ({})", link.name(), step.note().substring(rebind.length(), step.note().length() - 1));
        String noBinding = MessageType.REQUEST.rfcName() + " (NoBinding";
        if (step.note().startsWith(noBinding)) log.info("{}: the server has no binding ({}): requesting it", link.name(), step.note().substring(noBinding.length() - 9, step.note().length() - 1));
        for (ClientServerMessage m : step.send()) {
            // Guarded: Felix formats the arguments even below the level, and a message's
            // toString costs milliseconds on a cold path (measured: 18 ms before the first Solicit).
            if (log.isDebugEnabled()) log.debug("{}: sending {}", link.name(), m);
            channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(Dhcp6Codec.encode(m)), servers));
        }
        step.event().ifPresent(onLease); // the lease file and NetConfig block: not on the event loop
        if (fourOverSix != null) {
            var held = session.lease();
            fourOverSix.serversNamed(held.isPresent() ? held.get().information().dhcp4o6Servers() : Optional.empty());
        }
        status = snapshot(step.wakeAt());
        if (wake != null) wake.cancel(false);
        wake = step.wakeAt().isEmpty() ? null
                : channel.eventLoop().schedule(onWake, Math.max(0, Duration.between(clock.instant(), step.wakeAt().get()).toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Runs a request of the command line on the IPv4 client; empty when it is not configured. */
    Optional<String> act4(java.util.function.Function<org.prefixd.dhcp6.client.Dhcp4Session, java.util.function.Function<Instant, org.prefixd.dhcp6.client.Dhcp4Session.Step>> request) {
        if (fourOverSixFactory == null) return Optional.empty();
        try {
            return Optional.of(channel.eventLoop().submit(() -> {
                FourOverSixClient v4 = fourOverSix;
                return v4 == null ? "DHCPv4 over DHCPv6 is not running" : v4.act(request.apply(v4.session())).note();
            }).get(2, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Optional.of("failed: " + e);
        }
    }

    /** Runs a request on the event loop and says what the session did. */
    String act(java.util.function.Function<Instant, Session.Step> request) {
        try {
            return channel.eventLoop().submit(() -> {
                Session.Step step = request.apply(clock.instant());
                apply(step);
                return step.note();
            }).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return "failed: " + e;
        }
    }

    /** The session as `prefixd status` shows it, with its IPv4 client as it is now; empty before the first step. */
    Optional<SessionStatus> status() {
        SessionStatus v6 = status;
        FourOverSixClient v4 = fourOverSix;
        if (v6 == null || v4 == null) return Optional.ofNullable(v6);
        return Optional.of(new SessionStatus(v6.link(), v6.state(), v6.server(), v6.addresses(), v6.prefixes(), v6.nextEvent(), v6.options(),
                Optional.of(v4.status())));
    }

    /** Plain loops: made after every message, the first lease's among them, where a lambda's first call costs a bootstrap. */
    private SessionStatus snapshot(Optional<Instant> next) {
        var lease = session.lease();
        java.util.List<SessionStatus.Leased> addresses = new java.util.ArrayList<>();
        java.util.List<SessionStatus.Leased> prefixes = new java.util.ArrayList<>();
        if (lease.isPresent()) {
            for (var a : lease.get().addresses()) addresses.add(new SessionStatus.Leased(Ipv6Text.format(a.address()), a.preferredUntil(), a.validUntil()));
            for (var p : lease.get().prefixes()) {
                Optional<String> excluded = p.excluded().isPresent() ? Optional.of(p.excluded().get().toString()) : Optional.empty();
                prefixes.add(new SessionStatus.Leased(new Prefix(p.prefix(), p.length()).toString(), p.preferredUntil(), p.validUntil(), excluded));
            }
        }
        Optional<String> server = lease.isPresent() ? Optional.of(lease.get().server().bytes().hex()) : Optional.empty();
        return new SessionStatus(link.name(), session.state().name(), server, java.util.List.copyOf(addresses), java.util.List.copyOf(prefixes), next,
                lease.isPresent() ? lease.get().information().options() : java.util.List.of());
    }

    private static Inet6Address parse(String literal) {
        try {
            return (Inet6Address) java.net.InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static int randomXid() {
        return ThreadLocalRandom.current().nextInt(1 << 24);
    }
}
