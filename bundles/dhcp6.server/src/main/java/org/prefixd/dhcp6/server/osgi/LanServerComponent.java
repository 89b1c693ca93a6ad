package org.prefixd.dhcp6.server.osgi;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.prefixd.api.Coalescer;
import org.prefixd.api.DownstreamPrefix;
import org.prefixd.api.NetConfig;
import org.prefixd.api.NetConfigException;
import org.prefixd.api.Prefix;
import org.prefixd.api.Directories;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.LanClient;
import org.prefixd.api.LanClientMonitor;
import org.prefixd.api.LanPrefix;
import org.prefixd.api.LanSettings;
import org.prefixd.api.Topics;
import org.prefixd.api.WanLease;
import org.prefixd.api.WarnLimiter;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.DecodeException;
import org.prefixd.dhcp6.codec.Dhcp6Codec;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.Message;
import org.prefixd.dhcp6.codec.RelayMessage;
import org.prefixd.dhcp6.server.Bindings;
import org.prefixd.dhcp6.server.Delegation;
import org.prefixd.dhcp6.server.DelegationEvent;
import org.prefixd.dhcp6.server.Delegations;
import org.prefixd.dhcp6.server.LanLease;
import org.prefixd.dhcp6.server.LanLeaseEvent;
import org.prefixd.dhcp6.server.LanLeaseFile;
import org.prefixd.dhcp6.server.LanServer;
import org.prefixd.dhcp6.server.LanView;
import org.prefixd.dhcp6.server.RateLimits;
import org.prefixd.dhcp6.server.RelayPath;

/**
 * The DHCPv6 server of one LAN (factory PID prefixd.lan, the LAN's own configuration, when its
 * dhcpv6 is stateless or stateful): a socket bound to ff02::1:2 on the LAN's interface, port 547;
 * the pure {@link LanServer} answers from the LAN's subnets (LanPrefix services) and DNS (its
 * LanSettings and the WAN leases). Leases are kept in {@code STATE/lan-leases-<lan>.json} and
 * read back at start, so a bundle update or a restart keeps every client's address. With
 * {@code delegate}, routers on the LAN get sub-prefixes (IA_PD): each is routed via the router's
 * link-local address (NetConfig, with the delegation's lifetime as the route's expiry) and
 * registered as a DownstreamPrefix, which the distributor and the other LANs' servers keep clear of.
 */
@Component(configurationPid = "prefixd.lan", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = LanClientMonitor.class)
public final class LanServerComponent implements LanClientMonitor {
    static final int SERVER_PORT = 547;
    /** How often leases past their valid time are looked for. */
    static final Duration EXPIRY_SWEEP = Duration.ofSeconds(30);
    private static final Inet6Address ALL_SERVERS_AND_RELAYS = (Inet6Address) parse("ff02::1:2");

    private final ServerSetup setup;
    private final EventAdmin events;
    private final NetConfig net;
    private final BundleContext context;
    private final List<DownstreamPrefix> downstream = new CopyOnWriteArrayList<>();
    /** This server's delegations as services, by delegation key (effects thread). */
    private final Map<String, List<ServiceRegistration<DownstreamPrefix>>> registered = new HashMap<>();
    /** "DUID/IAID prefix" of delegated prefixes whose routes went with their WAN prefix (event loop only). */
    private final Set<String> withdrawnRoutes = new java.util.HashSet<>();
    private final Logger log;
    private final Path leaseFile;
    private final Clock clock = Clock.systemUTC();
    private final List<LanPrefix> prefixes = new CopyOnWriteArrayList<>();
    private final List<LanSettings> lanSettings = new CopyOnWriteArrayList<>();
    private final List<WanLease> wanLeases = new CopyOnWriteArrayList<>();
    private final WarnLimiter warnings = new WarnLimiter();
    /** Lines a client's messages make (notes, its lease's events): a flood of new DUIDs must not flood the log. */
    private final WarnLimiter clientLines = new WarnLimiter(60, "LAN client lines");
    private final RateLimits limits;
    private EventLoopGroup group;
    private ScheduledExecutorService effects;
    private Coalescer saver;
    private Channel channel;
    private LanServer server; // event loop
    private long dropped;

    @Activate
    public LanServerComponent(BundleContext context, LanServerConfig config, @Reference EventAdmin events, @Reference NetConfig net,
                              @Reference(service = LoggerFactory.class) Logger log) {
        this.context = context;
        this.net = net;
        this.events = events;
        this.log = log;
        try {
            this.setup = ServerSetup.from(config);
        } catch (IllegalArgumentException e) {
            log.error("{}: DHCPv6 server not applied: {}", config.lan(), e.getMessage());
            throw e;
        }
        this.limits = new RateLimits(setup.ratePerSource(), setup.ratePerLan());
        this.leaseFile = Directories.state(context.getProperty(Directories.STATE_PROPERTY)).resolve("lan-leases-" + setup.lan().value() + ".json");
        if (setup.mode() == org.prefixd.dhcp6.server.ServerSettings.Mode.OFF) return;
        effects = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "prefixd-lan-dhcp6-" + setup.lan());
            t.setDaemon(true);
            return t;
        });
        saver = new Coalescer(effects, Duration.ofMillis(200), this::save);
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        effects.execute(this::open);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPrefix(LanPrefix p) {
        prefixes.add(p);
        if (p.deprecated()) checkWithdrawals();
    }

    void removePrefix(LanPrefix p) {
        prefixes.remove(p);
    }

    /** A LAN subnet was deprecated: maybe the WAN prefix of a router's delegation went. */
    private void checkWithdrawals() {
        Channel ch = channel;
        if (ch != null && setup.delegate().isPresent()) ch.eventLoop().execute(this::withdraw);
    }

    /**
     * Event loop: the routes and services of delegated prefixes whose WAN prefix went are taken
     * away now (each once); the binding stays as the router knows it, so that its next Renew
     * gets them with lifetimes 0.
     */
    private void withdraw() {
        Instant now = clock.instant();
        LanView view = view(now);
        Set<String> still = new java.util.HashSet<>();
        for (Delegation d : server.delegations().all()) {
            List<Prefix> gone = new ArrayList<>();
            for (Prefix p : LanServer.withdrawn(d, view, now)) {
                String key = d.key() + " " + p;
                still.add(key);
                if (withdrawnRoutes.add(key)) gone.add(p);
            }
            if (gone.isEmpty()) continue;
            clientLines.warn(log::info, setup.lan() + ": delegation withdrawn: " + gone + " via " + Ipv6Text.format(d.via()) + " (DUID "
                    + d.client().bytes().hex() + "): its WAN prefix went; the router's next Renew gets lifetimes 0");
            effects.execute(() -> unroute(d, gone));
        }
        withdrawnRoutes.retainAll(still);
    }

    /** Effects thread: no route to the withdrawn prefixes, no DownstreamPrefix service for them. */
    private void unroute(Delegation d, List<Prefix> gone) {
        for (Prefix p : gone) {
            try {
                net.removeRoute(p, d.via(), setup.lan());
            } catch (NetConfigException ex) {
                log.error("{}: the route to {} via {} stays: {}", setup.lan(), p, Ipv6Text.format(d.via()), ex.getMessage());
            }
        }
        List<ServiceRegistration<DownstreamPrefix>> services = registered.get(d.key());
        if (services == null) return;
        for (java.util.Iterator<ServiceRegistration<DownstreamPrefix>> it = services.iterator(); it.hasNext(); ) {
            ServiceRegistration<DownstreamPrefix> r = it.next();
            Object prefix = r.getReference().getProperty(DownstreamPrefix.PROP_PREFIX);
            if (prefix != null && gone.stream().anyMatch(p -> p.toString().equals(prefix))) {
                unregister(r);
                it.remove();
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDownstream(DownstreamPrefix p) {
        downstream.add(p);
    }

    void removeDownstream(DownstreamPrefix p) {
        downstream.remove(p);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSettings(LanSettings s) {
        lanSettings.add(s);
    }

    void removeSettings(LanSettings s) {
        lanSettings.remove(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addLease(WanLease l) {
        wanLeases.add(l);
    }

    void removeLease(WanLease l) {
        wanLeases.remove(l);
    }

    /** Effects thread: the socket, once the LAN's interface exists (looked for again every 5 s). */
    private void open() {
        NetworkInterface nif;
        try {
            nif = NetworkInterface.getByName(setup.lan().value());
        } catch (IOException e) {
            nif = null;
        }
        if (nif == null) {
            warnings.warn(log::warn, setup.lan() + ": no such interface yet: the DHCPv6 server waits for it");
            effects.schedule(this::open, 5, TimeUnit.SECONDS);
            return;
        }
        Bindings bindings = new Bindings();
        Delegations delegations = new Delegations();
        try {
            int kept = 0;
            Instant now = clock.instant();
            LanLeaseFile.Stored stored = LanLeaseFile.readStored(leaseFile);
            for (LanLease l : stored.leases()) if (l.validUntil().isAfter(now) && bindings.bind(l)) kept++;
            if (kept > 0) log.info("{}: {} LAN lease(s) read back from {}", setup.lan(), kept, leaseFile);
            int routers = 0;
            for (Delegation d : stored.delegations())
                if (d.validUntil().isAfter(now) && delegations.bind(d)) {
                    routers++;
                    delegated(new DelegationEvent(LanLeaseEvent.Kind.RENEWED, d, Optional.of(d)), now); // its routes and services again
                }
            // a router whose delegation ended (released, or expired while prefixd was not running) gets its number again
            for (var f : stored.formers().entrySet()) delegations.remember(f.getKey(), f.getValue());
            for (Delegation d : stored.delegations()) if (!d.validUntil().isAfter(now)) delegations.remember(d.key(), d.index());
            if (routers > 0) log.info("{}: {} delegation(s) to downstream routers read back from {}", setup.lan(), routers, leaseFile);
        } catch (IOException | IllegalArgumentException e) {
            log.error("{}: the LAN lease file {} cannot be read ({}): starting without leases; {}", setup.lan(), leaseFile, e.getMessage(),
                    org.prefixd.api.AtomicFile.setAside(leaseFile));
        }
        Duid duid = serverDuid(nif);
        server = new LanServer(setup.settings(duid), bindings, delegations);
        try {
            Inet6Address group6 = Inet6Address.getByAddress(null, ALL_SERVERS_AND_RELAYS.getAddress(), nif);
            Channel ch = new Bootstrap().group(group)
                    .channelFactory(() -> new NioDatagramChannel(SocketProtocolFamily.INET6))
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .handler(new Receiver())
                    .bind(new InetSocketAddress(group6, SERVER_PORT)).sync().channel();
            ((DatagramChannel) ch).joinGroup(new InetSocketAddress(ALL_SERVERS_AND_RELAYS, SERVER_PORT), nif).sync();
            channel = ch;
            log.info("{}: DHCPv6 server ({}, {}) on [ff02::1:2%{}]:547, DUID {}", setup.lan(), setup.mode().name().toLowerCase(),
                    setup.assign().name().toLowerCase().replace('_', '-'), setup.lan(), duid.bytes().hex());
        } catch (Exception e) { // Netty rethrows the socket's exceptions undeclared
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            log.error("{}: cannot open the DHCPv6 server's socket: {}; tried again in 10 s", setup.lan(), e.toString());
            effects.schedule(this::open, 10, TimeUnit.SECONDS);
            return;
        }
        effects.scheduleWithFixedDelay(() -> channel.eventLoop().execute(this::expire), EXPIRY_SWEEP.toMillis(), EXPIRY_SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** DUID-LL of the LAN's MAC: stable and this router's own; without a MAC, a DUID-UUID made from the LAN's name. */
    private Duid serverDuid(NetworkInterface nif) {
        try {
            byte[] mac = nif.getHardwareAddress();
            if (mac != null && mac.length == 6) return new Duid.LinkLayer(1, Bytes.of(mac));
        } catch (IOException e) {
            log.debug("{}: no hardware address: {}", setup.lan(), e.toString());
        }
        return new Duid.Uuid(UUID.nameUUIDFromBytes(("prefixd-lan-" + setup.lan().value()).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private final class Receiver extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            receive(packet);
        }
    }

    /** Event loop. */
    private void receive(DatagramPacket packet) {
        Instant now = clock.instant();
        InetSocketAddress from = packet.sender();
        if (!(from.getAddress() instanceof Inet6Address source)) {
            drop("a packet from " + from.getAddress().getHostAddress() + ", not IPv6");
            return;
        }
        if (!limits.allowSource(source.getHostAddress(), now)) {
            drop("a message from " + Ipv6Text.format(source) + " over the rate limit (" + setup.ratePerSource() + "/s a source, " + setup.ratePerLan() + "/s the LAN)");
            return;
        }
        Message message;
        try {
            message = Dhcp6Codec.decode(ByteBufUtil.getBytes(packet.content()));
        } catch (DecodeException e) {
            drop("a malformed packet from " + Ipv6Text.format(source) + ": " + e.getMessage());
            return;
        }
        RelayPath relayed = null;
        if (message instanceof RelayMessage r && r.type() == org.prefixd.dhcp6.codec.MessageType.RELAY_FORW) {
            try {
                relayed = RelayPath.of(r);
            } catch (IllegalArgumentException | ClassCastException e) {
                drop("a Relay-forward from " + Ipv6Text.format(source) + ": " + e.getMessage());
                return;
            }
        } else if (!source.isLinkLocalAddress()) { // clients send from their link-local address (RFC 8415 §13.1); relays relay
            drop("a " + message.type().rfcName() + " from " + Ipv6Text.format(source) + ", not a link-local address");
            return;
        }
        ClientServerMessage m = relayed != null ? relayed.client() : message instanceof ClientServerMessage c ? c : null;
        if (m == null) {
            drop("a " + message.type().rfcName() + " from " + Ipv6Text.format(source));
            return;
        }
        var clientId = m.options().get(org.prefixd.dhcp6.codec.ClientId.class);
        if (clientId.isPresent() && !limits.allowClient(clientId.get().duid().bytes().hex(), now)) {
            drop("a " + m.type().rfcName() + " of DUID " + clientId.get().duid().bytes().hex() + " over the rate limit (" + (int) RateLimits.PER_CLIENT_RATE + "/s a client)");
            return;
        }
        LanServer.Answer answer = relayed != null ? server.answerRelayed(relayed, view(now), now) : server.answer(m, source, view(now), now);
        if (answer.reply().isEmpty()) {
            drop(answer.note().replaceFirst("^dropped: ", "") + " (from " + Ipv6Text.format(source) + ")");
            return;
        }
        Message reply = relayed != null ? relayed.wrap(answer.reply().get()) : answer.reply().get();
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(Dhcp6Codec.encode(reply)), from));
        // the lease events say what changed; a message's own line only when it says something more (a note in brackets)
        if (answer.note().contains("(")) clientLines.warn(log::info, setup.lan() + ": " + m.type().rfcName() + " from " + Ipv6Text.format(source) + ": " + answer.note());
        else if (log.isDebugEnabled()) log.debug("{}: {} from {}: {}", setup.lan(), m.type().rfcName(), Ipv6Text.format(source), answer.note());
        if (!answer.events().isEmpty()) changed(answer.events());
        if (!answer.delegations().isEmpty()) changedDelegations(answer.delegations());
    }

    private void expire() {
        List<LanLeaseEvent> gone = server.expire(clock.instant());
        if (!gone.isEmpty()) changed(gone);
        List<DelegationEvent> ended = server.expireDelegations(clock.instant());
        if (!ended.isEmpty()) changedDelegations(ended);
    }

    /** Event loop: each change's routes and services on the effects thread, its event out now. */
    private void changedDelegations(List<DelegationEvent> changes) {
        Instant now = clock.instant();
        for (DelegationEvent e : changes) {
            Delegation d = e.delegation();
            List<String> prefixes = new ArrayList<>();
            for (Prefix p : d.given()) prefixes.add(p.toString());
            Map<String, Object> props = new HashMap<>();
            props.put(Topics.PROP_INTERFACE, setup.lan().value());
            props.put(Topics.PROP_REASON, e.kind().name().toLowerCase());
            props.put(Topics.PROP_DUID, d.client().bytes().hex());
            props.put(Topics.PROP_ADDRESSES, "");
            props.put(Topics.PROP_PREFIXES, String.join(" ", prefixes));
            events.postEvent(new Event(Topics.LANLEASE_PREFIX + e.kind().name(), props));
            if (e.kind() != LanLeaseEvent.Kind.RENEWED || !e.before().map(Delegation::given).equals(Optional.of(d.given())))
                clientLines.warn(log::info, setup.lan() + ": delegation " + e.kind().name().toLowerCase() + ": " + prefixes + " via " + Ipv6Text.format(d.via())
                        + " (DUID " + d.client().bytes().hex() + ")");
            else if (log.isDebugEnabled())
                log.debug("{}: delegation renewed: {} (DUID {})", setup.lan(), prefixes, d.client().bytes().hex());
            effects.execute(() -> delegated(e, now));
        }
        saver.trigger();
    }

    /**
     * Effects thread: routes to the prefixes the router has now (replaced: the expiry follows the
     * lifetime), none to those it had and no longer has; its DownstreamPrefix services likewise.
     */
    private void delegated(DelegationEvent e, Instant now) {
        Delegation d = e.delegation();
        List<Prefix> keep = e.ends() ? List.of() : d.given();
        long valid = Duration.between(now, d.validUntil()).getSeconds();
        for (Prefix p : keep) {
            try {
                if (valid > 0) net.setRoute(p, d.via(), setup.lan(), valid);
            } catch (NetConfigException | IllegalArgumentException ex) {
                log.error("{}: no route to {} via {}: {}", setup.lan(), p, Ipv6Text.format(d.via()), ex.getMessage());
            }
        }
        List<Prefix> drop = new ArrayList<>(e.before().map(Delegation::given).orElse(List.of()));
        if (e.ends()) drop.addAll(d.given());
        for (Prefix p : drop) {
            if (keep.contains(p)) continue;
            Inet6Address via = e.before().map(Delegation::via).orElse(d.via());
            try {
                net.removeRoute(p, via, setup.lan());
            } catch (NetConfigException ex) {
                log.error("{}: the route to {} via {} stays: {}", setup.lan(), p, Ipv6Text.format(via), ex.getMessage());
            }
        }
        List<ServiceRegistration<DownstreamPrefix>> old = registered.remove(d.key());
        if (old != null) for (ServiceRegistration<DownstreamPrefix> r : old) unregister(r);
        if (e.ends()) return;
        List<ServiceRegistration<DownstreamPrefix>> services = new ArrayList<>();
        for (Prefix p : keep) {
            DownstreamPrefix service = new DownstreamPrefix(setup.lan(), p, d.via(), d.client().bytes().hex(), d.validUntil());
            services.add(context.registerService(DownstreamPrefix.class, service, service.serviceProperties()));
        }
        registered.put(d.key(), services);
    }

    private static void unregister(ServiceRegistration<?> r) {
        try {
            r.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping: the framework took it
        }
    }

    /** Event loop: the events go out and the file is written from the effects thread. */
    private void changed(List<LanLeaseEvent> changes) {
        LanView view = view(clock.instant());
        for (LanLeaseEvent e : changes) {
            LanLease l = e.lease();
            List<String> addresses = new ArrayList<>();
            for (Inet6Address a : l.addresses(view)) addresses.add(Ipv6Text.format(a));
            Map<String, Object> props = new HashMap<>();
            props.put(Topics.PROP_INTERFACE, setup.lan().value());
            props.put(Topics.PROP_REASON, e.kind().name().toLowerCase());
            props.put(Topics.PROP_DUID, l.client().bytes().hex());
            l.mac().ifPresent(mac -> props.put(Topics.PROP_MAC, mac.text()));
            props.put(Topics.PROP_ADDRESSES, String.join(" ", addresses));
            server.settings().nameOf(l.client(), l.mac()).ifPresent(name -> props.put(Topics.PROP_HOSTNAME, name));
            events.postEvent(new Event(Topics.LANLEASE_PREFIX + e.kind().name(), props));
            // a renewal is routine (thousands a second under load): the rest are news
            if (e.kind() != LanLeaseEvent.Kind.RENEWED)
                clientLines.warn(log::info, setup.lan() + ": LAN lease " + e.kind().name().toLowerCase() + ": " + addresses + " (DUID " + l.client().bytes().hex()
                        + l.mac().map(mac -> ", MAC " + mac).orElse("") + ", " + l.how().name().toLowerCase().replace('_', '-') + ")");
            else if (log.isDebugEnabled())
                log.debug("{}: LAN lease renewed: {} (DUID {})", setup.lan(), addresses, l.client().bytes().hex());
        }
        saver.trigger();
    }

    /**
     * The bound leases and delegations, copied on the event loop (which alone touches them); empty
     * before the socket is open or when the loop could not copy them in time — never to be written
     * as the lease file then, which would drop every lease.
     */
    private Optional<LanLeaseFile.Stored> snapshot() {
        Channel ch = channel;
        if (ch == null) return Optional.empty();
        try {
            return Optional.of(ch.eventLoop().submit(() -> new LanLeaseFile.Stored(List.copyOf(server.bindings().allBound()), List.copyOf(server.delegations().all()),
                    server.delegations().formers())).get(2, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            log.warn("{}: could not copy the LAN leases ({}): the lease file is left as it is", setup.lan(), e.toString());
            return Optional.empty();
        }
    }

    /** Effects thread, 200 ms after a burst of changes: the bound leases to the file (a copy per burst, not per message). */
    private void save() {
        if (channel == null || !channel.isOpen()) return;
        Optional<LanLeaseFile.Stored> copied = snapshot();
        if (copied.isEmpty()) return;
        LanLeaseFile.Stored stored = copied.get();
        try {
            LanLeaseFile.write(leaseFile, stored);
        } catch (IOException e) {
            log.error("{}: could not write the LAN lease file {}: {} (the leases stay in memory)", setup.lan(), leaseFile, e.toString());
        }
    }

    @Override
    public List<LanClient> lanClients() {
        LanLeaseFile.Stored stored = snapshot().orElse(new LanLeaseFile.Stored(List.of(), List.of()));
        LanView view = view(clock.instant());
        List<LanClient> out = new ArrayList<>();
        for (LanLease l : stored.leases())
            out.add(new LanClient(setup.lan(), l.mac().map(m -> m.text()), l.client().bytes().hex(), l.iaid(), l.addresses(view), l.validUntil(),
                    l.how().name().toLowerCase().replace('_', '-')));
        for (Delegation d : stored.delegations())
            out.add(new LanClient(setup.lan(), java.util.Optional.empty(), d.client().bytes().hex(), d.iaid(), List.of(), d.given(), d.validUntil(), "delegated"));
        return out;
    }

    /** The LAN as it is now: its /64 subnets, and the DNS its router advertisements carry. */
    private LanView view(Instant now) {
        List<LanView.Subnet> subnets = new ArrayList<>();
        for (LanPrefix p : prefixes) {
            if (!p.lan().equals(setup.lan()) || !p.validUntil().isAfter(now)) continue;
            if (p.subnet().length() != 64) {
                warnings.warn(log::warn, setup.lan() + ": " + p.subnet() + " is not a /64 (prefixd.lan assign): no DHCPv6 addresses from it");
                continue;
            }
            subnets.add(new LanView.Subnet(p.subnet(), p.preferredUntil(), p.validUntil(), p.deprecated()));
        }
        Set<Inet6Address> dns = new LinkedHashSet<>();
        Set<String> domains = new LinkedHashSet<>();
        for (LanSettings s : lanSettings) {
            if (!s.lan().equals(setup.lan())) continue;
            if (s.dns() == LanSettings.DnsSource.FIXED) {
                dns.addAll(s.fixedDns());
                domains.addAll(s.fixedDomains());
            } else if (s.dns() == LanSettings.DnsSource.LEASE) {
                for (WanLease w : wanLeases) {
                    dns.addAll(w.dnsServers());
                    domains.addAll(w.domains());
                }
            }
        }
        return new LanView(setup.lan(), subnets, pools(now), List.copyOf(dns), List.copyOf(domains));
    }

    /**
     * Each delegated prefix with a subnet on this LAN (its live one before a deprecated one), with
     * what is taken of it: every LAN's subnets, the server's excluded prefix, other LANs' delegations.
     */
    private List<LanView.Pool> pools(Instant now) {
        if (setup.delegate().isEmpty()) return List.of();
        Map<Prefix, LanView.Pool> out = new java.util.LinkedHashMap<>();
        for (LanPrefix p : prefixes) {
            if (!p.lan().equals(setup.lan()) || !p.validUntil().isAfter(now)) continue;
            Prefix delegated = p.from().prefix();
            LanView.Pool before = out.get(delegated);
            if (before != null && !before.deprecated()) continue;
            List<Prefix> taken = new ArrayList<>();
            for (LanPrefix any : prefixes) if (delegated.contains(any.subnet())) taken.add(any.subnet());
            p.from().excluded().ifPresent(taken::add);
            for (DownstreamPrefix d : downstream) if (!d.lan().equals(setup.lan()) && delegated.contains(d.prefix())) taken.add(d.prefix());
            out.put(delegated, new LanView.Pool(delegated, p.preferredUntil(), p.validUntil(), p.deprecated(), taken));
        }
        return List.copyOf(out.values());
    }

    /** Counted, and logged at most ten times a minute. */
    private void drop(String what) {
        dropped++;
        warnings.warn(log::warn, setup.lan() + ": DHCPv6 server dropped " + what + " (" + dropped + " dropped so far)");
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (effects == null) return;
        LanLeaseFile.Stored last = snapshot().orElse(null);
        if (channel != null) channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        effects.shutdown(); // a save still pending sees the channel closed and leaves the file to this one
        effects.awaitTermination(3, TimeUnit.SECONDS);
        // The routes stay (the kernel ends them with the delegation); the services go with the bundle.
        for (List<ServiceRegistration<DownstreamPrefix>> rs : registered.values()) for (ServiceRegistration<DownstreamPrefix> r : rs) unregister(r);
        registered.clear();
        if (last != null) {
            try {
                LanLeaseFile.write(leaseFile, last);
            } catch (IOException e) {
                log.error("{}: could not write the LAN lease file {}: {}", setup.lan(), leaseFile, e.toString());
            }
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private static InetAddress parse(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
