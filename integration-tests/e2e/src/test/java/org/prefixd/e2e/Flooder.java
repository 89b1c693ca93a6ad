package org.prefixd.e2e;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Floods a DHCPv6 client from port 547, run in the ISP namespace by {@link FloodIT} as its own
 * JVM: {@code Flooder IFACE FROM TO PPS SECONDS CLIENT_DUID_HEX REPLIES_PCAP}. A third of the
 * packets are random bytes, a third well-formed Replies to the client (its DUID) with foreign
 * transaction ids, a third the server's real Replies captured earlier (tcpdump -w), replayed.
 * Prints how many it sent.
 */
public final class Flooder {
    private Flooder() {
    }

    public static void main(String[] args) throws Exception {
        NetworkInterface link = NetworkInterface.getByName(args[0]);
        Inet6Address from = Inet6Address.getByAddress(null, InetAddress.getByName(args[1]).getAddress(), link);
        Inet6Address to = Inet6Address.getByAddress(null, InetAddress.getByName(args[2]).getAddress(), link);
        int pps = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        byte[] clientDuid = HostileServer.hex(args[5]);
        List<byte[]> replayed = replies(Path.of(args[6]));
        if (replayed.isEmpty()) throw new IllegalStateException("no Reply in " + args[6]);
        Random random = new Random(42);
        InetSocketAddress client = new InetSocketAddress(to, 546);
        long sent = 0;
        try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            channel.bind(new InetSocketAddress(from, 547));
            System.out.println("flooding " + client + " from " + from + " at " + pps + " packets a second for " + seconds + " s");
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                long due = (System.nanoTime() - start) * pps / 1_000_000_000L; // packets that should be out by now
                for (; sent < due; sent++) {
                    byte[] packet = switch ((int) (sent % 3)) {
                        case 0 -> garbage(random);
                        case 1 -> foreignReply(random, clientDuid);
                        default -> replayed.get((int) (sent / 3 % replayed.size()));
                    };
                    channel.send(ByteBuffer.wrap(packet), client);
                }
                Thread.sleep(1);
            }
        }
        System.out.println("sent " + sent + " packets");
    }

    private static byte[] garbage(Random random) {
        byte[] b = new byte[4 + random.nextInt(600)];
        random.nextBytes(b);
        if (random.nextBoolean()) b[0] = 7; // half look like Replies, to reach the option decoder
        return b;
    }

    private static byte[] foreignReply(Random random, byte[] clientDuid) {
        byte[] xid = {(byte) random.nextInt(), (byte) random.nextInt(), (byte) random.nextInt()};
        return HostileServer.msg(7, xid, HostileServer.opt(1, clientDuid), HostileServer.opt(2, HostileServer.SERVER_DUID),
                HostileServer.sanePd(), HostileServer.saneNa());
    }

    /** The UDP payloads from port 547 in a pcap file of Ethernet frames (what tcpdump -w writes). */
    static List<byte[]> replies(Path pcap) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(pcap));
        List<byte[]> out = new ArrayList<>();
        if (in.remaining() < 24) return out;
        int magic = in.getInt(0);
        in.order(magic == 0xa1b2c3d4 || magic == 0xa1b23c4d ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN);
        in.position(24);
        while (in.remaining() >= 16) {
            in.getInt();
            in.getInt();
            int captured = in.getInt();
            in.getInt();
            if (captured > in.remaining()) break;
            byte[] frame = new byte[captured];
            in.get(frame);
            // Ethernet (14) + IPv6 (40, next header UDP) + UDP (8): source port 547
            if (frame.length > 62 && (frame[12] & 0xff) == 0x86 && (frame[13] & 0xff) == 0xdd && frame[20] == 17
                    && ((frame[54] & 0xff) << 8 | (frame[55] & 0xff)) == 547)
                out.add(java.util.Arrays.copyOfRange(frame, 62, frame.length));
        }
        return out;
    }
}
