package org.prefixd.e2e;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Random;

/**
 * Hostile input for a LAN's DHCPv6 server, run in a LAN host's namespace by {@link LanFloodIT} as
 * its own JVM: {@code LanJunk IFACE PPS SECONDS}. To [ff02::1:2%IFACE]:547 from any port: in turn
 * random bytes, Solicits whose options lie about their lengths, and Solicits with Rapid Commit and
 * an IA_PD from a new random DUID each (routers that would take every prefix). Prints how many it sent.
 */
public final class LanJunk {
    private LanJunk() {
    }

    public static void main(String[] args) throws Exception {
        NetworkInterface link = NetworkInterface.getByName(args[0]);
        int pps = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Inet6Address servers = Inet6Address.getByAddress(null, InetAddress.getByName("ff02::1:2").getAddress(), link);
        InetSocketAddress to = new InetSocketAddress(servers, 547);
        Random random = new Random(7);
        long sent = 0;
        try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            channel.bind(null); // perfdhcp beside it holds 546; the server answers any port
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                long due = (System.nanoTime() - start) * pps / 1_000_000_000L;
                for (; sent < due; sent++) {
                    byte[] packet = switch ((int) (sent % 3)) {
                        case 0 -> garbage(random);
                        case 1 -> lyingSolicit(random);
                        default -> routerSolicit(random);
                    };
                    channel.send(ByteBuffer.wrap(packet), to);
                }
                Thread.sleep(1);
            }
        }
        System.out.println("sent " + sent + " packets");
    }

    private static byte[] xid(Random random) {
        return new byte[] {(byte) random.nextInt(), (byte) random.nextInt(), (byte) random.nextInt()};
    }

    private static byte[] duid(Random random) {
        byte[] ll = new byte[10];
        random.nextBytes(ll);
        ll[0] = 0;
        ll[1] = 3; // DUID-LL
        ll[2] = 0;
        ll[3] = 1;
        return ll;
    }

    private static byte[] garbage(Random random) {
        byte[] b = new byte[4 + random.nextInt(600)];
        random.nextBytes(b);
        if (random.nextBoolean()) b[0] = 1; // half look like Solicits, to reach the option decoder
        return b;
    }

    /** A Solicit whose last option says it is longer than the packet. */
    private static byte[] lyingSolicit(Random random) {
        byte[] m = HostileServer.msg(1, xid(random), HostileServer.opt(1, duid(random)), HostileServer.opt(3, new byte[12]));
        m[m.length - 13] = (byte) 0xff; // IA_NA's length: 0x??ff
        return m;
    }

    private static byte[] routerSolicit(Random random) {
        byte[] iaid = {0, 0, 0, 1};
        return HostileServer.msg(1, xid(random), HostileServer.opt(1, duid(random)), HostileServer.opt(14),
                HostileServer.opt(25, iaid, new byte[8]));
    }
}
