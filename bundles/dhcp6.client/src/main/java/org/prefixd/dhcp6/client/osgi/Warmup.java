package org.prefixd.dhcp6.client.osgi;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import org.prefixd.dhcp6.client.LeaseEvent;
import org.prefixd.dhcp6.client.LeaseFile;
import org.prefixd.dhcp6.client.Session;
import org.prefixd.dhcp6.client.SessionSettings;
import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.WanLease;
import org.prefixd.dhcp6.codec.ClientId;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.Dhcp6Codec;
import org.prefixd.dhcp6.codec.DnsServers;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.IaAddress;
import org.prefixd.dhcp6.codec.IaNa;
import org.prefixd.dhcp6.codec.IaPd;
import org.prefixd.dhcp6.codec.IaPrefix;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.Option;
import org.prefixd.dhcp6.codec.Options;
import org.prefixd.dhcp6.codec.RapidCommit;
import org.prefixd.dhcp6.codec.ServerId;

/**
 * Runs the first-lease path once, off the link, while the component waits for its WanLink: a
 * session binds from a made-up Reply (codec both ways, the Reply reader, the lease file's JSON),
 * and a datagram goes through Netty from [::1] to itself. The first real Solicit and Reply then
 * find these classes loaded and compiled instead of costing tens of milliseconds on the link.
 * Nothing here touches the state directory, the WAN or any service.
 */
final class Warmup {
    private Warmup() {
    }

    /** Leases made up and taken: enough for the JIT to compile the path's busiest methods. */
    static final int ROUNDS = 30;

    /**
     * One lease at once (its classes loaded before a WAN that is already up gets its Reply), the
     * others a second later: on a WAN up at start they would compete with the real exchange.
     */
    static void run(EventLoopGroup group, SessionSettings settings) throws Exception {
        throughNetty(group, bind(settings));
        Thread.sleep(1000);
        for (int i = 1; i < ROUNDS; i++) bind(settings);
    }

    /** One made-up lease, from the first Solicit to the services' objects: @return the Reply's bytes */
    private static byte[] bind(SessionSettings settings) throws Exception {
        Session session = new Session(settings, () -> 0.5, () -> 1);
        Instant now = Instant.now();
        Session.Step first = session.start(now, Optional.empty());
        if (first.send().isEmpty()) { // the first-Solicit delay: its end
            now = first.wakeAt().orElseThrow();
            first = session.timer(now);
        }
        ClientServerMessage solicit = first.send().get(0);
        Dhcp6Codec.decode(Dhcp6Codec.encode(solicit));
        List<Option> reply = new ArrayList<>(List.of(new ClientId(settings.clientDuid()), new ServerId(new Duid.Enterprise(1, org.prefixd.dhcp6.codec.Bytes.fromHex("01"))),
                new RapidCommit(), new DnsServers(List.of(address("2001:db8::53")))));
        settings.naIaid().ifPresent(iaid -> reply.add(new IaNa(iaid, 100, 160, Options.of(new IaAddress(address("2001:db8::100"), 200, 300, Options.NONE)))));
        for (SessionSettings.PdRequest pd : settings.pd())
            reply.add(new IaPd(pd.iaid(), 100, 160, Options.of(new IaPrefix(200, 300, 56, address("2001:db8:100::"),
                    settings.pdExclude() ? Options.of(new org.prefixd.dhcp6.codec.PdExclude(64, org.prefixd.dhcp6.codec.Bytes.fromHex("01"))) : Options.NONE))));
        byte[] wire = Dhcp6Codec.encode(new ClientServerMessage(MessageType.REPLY, solicit.transactionId(), Options.of(reply)));
        Optional<LeaseEvent> event = session.received((ClientServerMessage) Dhcp6Codec.decode(wire), now).event();
        if (event.isPresent()) {
            LeaseFile.fromJson(LeaseFile.toJson(event.get().lease()));
            // what the services and the event are made of (records: their equals and hashCode too)
            WanLease lease = ClientComponent.wanLease(org.prefixd.api.InterfaceName.of("warmup0"), event.get().lease());
            lease.serviceProperties();
            for (DelegatedPrefix p : lease.prefixes()) if (p.equals(p.withdrawnAt(now)) || p.serviceProperties().isEmpty()) throw new AssertionError();
            if (lease.hashCode() != ClientComponent.wanLease(lease.link(), event.get().lease()).hashCode()) throw new AssertionError();
        }
        return wire;
    }

    private static void throughNetty(EventLoopGroup group, byte[] payload) throws Exception {
        CountDownLatch echoed = new CountDownLatch(1);
        Channel channel = new Bootstrap().group(group)
                .channelFactory(() -> new NioDatagramChannel(SocketProtocolFamily.INET6))
                .handler(new DatagramReader(packet -> echoed.countDown())).bind(new InetSocketAddress(InetAddress.getByName("::1"), 0)).sync().channel();
        try {
            channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(payload), (InetSocketAddress) channel.localAddress())).sync();
            echoed.await(1, TimeUnit.SECONDS);
        } finally {
            channel.close().sync();
        }
    }

    private static Inet6Address address(String literal) {
        return org.prefixd.api.Ipv6Text.parse(literal);
    }
}
