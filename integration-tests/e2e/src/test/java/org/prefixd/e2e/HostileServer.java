package org.prefixd.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A DHCPv6 server that lies: run in the ISP namespace by {@link HostileServerIT} as its own JVM
 * ({@code java -cp target/test-classes org.prefixd.e2e.HostileServer isp0}). Bytes are built by
 * hand, not with prefixd's codec, so that they can be wrong in ways the codec would never write.
 *
 * <p>To every Solicit it answers with a burst of broken, foreign and absurd messages, then a
 * Reply with Rapid Commit (an address and a /56) sane but for a domain name with shell syntax,
 * then the same without it. To every Renew or Rebind it answers with
 * the sane IAs plus things a client must set aside. Each message sent is printed, one line each.
 */
public final class HostileServer {
    static final byte[] SERVER_DUID = hex("00030001" + "020000000053");
    static final String ADDRESS = "2001:db8:ffff::200";
    static final String PREFIX = "2001:db8:300::";

    private HostileServer() {
    }

    /** The Reconfigure key given with the sane Reply in "reconfigure" mode. */
    static final byte[] KEY = hex("00112233445566778899aabbccddeeff");

    /** args: the interface, then "hostile" (the default), "reconfigure" or "names". */
    public static void main(String[] args) throws Exception {
        NetworkInterface link = NetworkInterface.getByName(args[0]);
        boolean reconfigure = args.length > 1 && args[1].equals("reconfigure");
        boolean names = args.length > 1 && args[1].equals("names");
        try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(547));
            channel.join(InetAddress.getByName("ff02::1:2"), link);
            System.out.println("hostile server listening on " + link.getName());
            ByteBuffer in = ByteBuffer.allocate(65536);
            while (true) {
                in.clear();
                SocketAddress client = channel.receive(in);
                in.flip();
                byte[] message = new byte[in.remaining()];
                in.get(message);
                if (message.length < 4) continue;
                int type = message[0] & 0xff;
                byte[] xid = {message[1], message[2], message[3]};
                byte[] clientId = option(message, 1);
                if (clientId == null) continue;
                List<Named> answers = names ? (type == 1 || type == 3 || type == 5 || type == 6 ? List.of(withOddNames(type, xid, clientId)) : List.of())
                        : reconfigure ? (type == 1 ? List.of(saneReplyWithKey(xid, clientId)) : type == 5 ? answersToRenew(xid, clientId) : List.of())
                        : type == 1 ? answersToSolicit(xid, clientId) : type == 5 || type == 6 ? answersToRenew(xid, clientId) : List.of();
                for (Named answer : answers) {
                    channel.send(ByteBuffer.wrap(answer.bytes()), client);
                    System.out.println("sent " + answer.name() + " (" + answer.bytes().length + " bytes) for message type " + type);
                }
                if (reconfigure && type == 1) {
                    Thread.sleep(1000); // the client binds first
                    for (Named r : List.of(reconfigureMessage("a forged Reconfigure", clientId, 2, hex("ffffffffffffffffffffffffffffffff")),
                            reconfigureMessage("an authenticated Reconfigure", clientId, 2, KEY),
                            reconfigureMessage("the same Reconfigure replayed", clientId, 2, KEY))) {
                        channel.send(ByteBuffer.wrap(r.bytes()), client);
                        System.out.println("sent " + r.name());
                        Thread.sleep(300);
                    }
                }
            }
        }
    }

    record Named(String name, byte[] bytes) {
    }

    static List<Named> answersToSolicit(byte[] xid, byte[] clientId) {
        byte[] server = opt(2, SERVER_DUID);
        byte[] client = opt(1, clientId);
        List<Named> out = new ArrayList<>();
        out.add(new Named("a truncated header", new byte[] {7, xid[0]}));
        out.add(new Named("an option longer than the packet", cat(new byte[] {7}, xid, client, server, u16(25), u16(400), u32(2))));
        out.add(new Named("a Reply to another transaction", msg(7, new byte[] {(byte) ~xid[0], xid[1], xid[2]}, client, server, rapidCommit(), sanePd(), saneNa())));
        out.add(new Named("a Reply to another client", msg(7, xid, opt(1, hex("00030001020000000099")), server, rapidCommit(), sanePd(), saneNa())));
        out.add(new Named("a Reply without a Server Identifier", msg(7, xid, client, rapidCommit(), sanePd(), saneNa())));
        out.add(new Named("a /8, a /0, a /100, a multicast and a link-local prefix", msg(7, xid, client, server, rapidCommit(),
                iaPd(2, 1000, 2000, iaPrefix(3000, 4000, 8, "2000::"), iaPrefix(3000, 4000, 0, "::"), iaPrefix(3000, 4000, 100, "2001:db8:400::"),
                        iaPrefix(3000, 4000, 56, "ff00::"), iaPrefix(3000, 4000, 64, "fe80::")))));
        out.add(new Named("preferred lifetimes longer than valid ones, T1 > T2", msg(7, xid, client, server, rapidCommit(),
                iaPd(2, 1000, 2000, iaPrefix(5000, 4000, 56, "2001:db8:500::")),
                iaNa(1, 1000, 2000, iaAddr("2001:db8:ffff::500", 5000, 4000)),
                iaPd(3, 3000, 2000, iaPrefix(3000, 4000, 56, "2001:db8:600::")))));
        out.add(new Named("multicast, loopback and v4-mapped addresses", msg(7, xid, client, server, rapidCommit(),
                iaNa(1, 1000, 2000, iaAddr("ff02::1", 3000, 4000), iaAddr("::1", 3000, 4000), iaAddr("::ffff:192.0.2.1", 3000, 4000)))));
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        for (int i = 0; i < 7000; i++) many.writeBytes(opt(65000, u32(i)));
        out.add(new Named("7000 unknown options", msg(2, xid, client, server, many.toByteArray())));
        // Sane but for one name: used, with the name left out (the sane Reply after it comes too late).
        out.add(new Named("a domain name with shell syntax", msg(7, xid, client, server, rapidCommit(), sanePd(), saneNa(),
                opt(24, labels("$(reboot)", "example", "com")))));
        out.add(new Named("the sane Reply", msg(7, xid, client, server, rapidCommit(), sanePd(), saneNa(), opt(23, addr("2001:db8:ffff::53")))));
        return out;
    }

    static List<Named> answersToRenew(byte[] xid, byte[] clientId) {
        return List.of(new Named("a Reply with foreign IAs, a multicast DNS server and the sane IAs", msg(7, xid, opt(1, clientId), opt(2, SERVER_DUID),
                sanePd(), saneNa(), iaPd(99, 1000, 2000, iaPrefix(3000, 4000, 48, "2001:db8:700::")),
                iaNa(98, 1000, 2000, iaAddr("2001:db8:ffff::700", 3000, 4000)), opt(23, cat(addr("ff02::1"), addr("2001:db8:ffff::53"))))));
    }

    /**
     * "names" mode: an ordinary server (Advertise, then Reply; no Rapid Commit) whose every
     * answer carries names that are not host names beside good ones: a Domain Search List with
     * ok.example between names holding "$(", ";", a backquote, a newline and an underscore, SIP
     * domains, an NTP server name and an AFTR name likewise.
     */
    static Named withOddNames(int type, byte[] xid, byte[] clientId) {
        byte[] domains = opt(24, labels("ok", "example"), labels("x$(reboot)", "example"), labels("a;reboot", "example"),
                labels("b`reboot`", "example"), labels("new\nline", "example"), labels("_sip", "example"));
        byte[] sip = opt(21, labels("sip", "example"), labels("sip;reboot", "example"));
        byte[] ntp = opt(56, opt(3, labels("ntp$(reboot)", "example")));
        byte[] aftr = opt(64, labels("aftr`reboot`", "example"));
        int answer = type == 1 ? 2 : 7;
        return new Named((answer == 2 ? "an Advertise" : "a Reply") + " with odd names", msg(answer, xid, opt(1, clientId), opt(2, SERVER_DUID),
                sanePd(), saneNa(), opt(23, addr("2001:db8:ffff::53")), domains, sip, ntp, aftr));
    }

    static Named saneReplyWithKey(byte[] xid, byte[] clientId) {
        byte[] auth = opt(11, new byte[] {3, 1, 0}, u32(0), u32(1), new byte[] {1}, KEY); // RKAP, replay 1, type 1: the key
        return new Named("the sane Reply with a Reconfigure key", msg(7, xid, opt(1, clientId), opt(2, SERVER_DUID), rapidCommit(), sanePd(), saneNa(), auth));
    }

    /** A Reconfigure asking for a Renew, its HMAC-MD5 digest made with {@code key} (RFC 8415 §20.4.2). */
    static Named reconfigureMessage(String name, byte[] clientId, long replay, byte[] key) throws Exception {
        byte[] auth = opt(11, new byte[] {3, 1, 0}, u32(replay >>> 32), u32(replay), new byte[] {2}, new byte[16]);
        byte[] message = msg(10, new byte[3], opt(2, SERVER_DUID), opt(1, clientId), opt(19, new byte[] {5}), auth);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacMD5");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacMD5"));
        byte[] digest = mac.doFinal(message);
        System.arraycopy(digest, 0, message, message.length - 16, 16); // the Authentication option is last
        return new Named(name, message);
    }

    static byte[] sanePd() {
        return iaPd(2, 10, 20, iaPrefix(30, 60, 56, PREFIX));
    }

    static byte[] saneNa() {
        return iaNa(1, 10, 20, iaAddr(ADDRESS, 30, 60));
    }

    static byte[] rapidCommit() {
        return opt(14);
    }

    static byte[] iaPd(long iaid, long t1, long t2, byte[]... sub) {
        return opt(25, u32(iaid), u32(t1), u32(t2), cat(sub));
    }

    static byte[] iaPrefix(long preferred, long valid, int length, String prefix) {
        return opt(26, u32(preferred), u32(valid), new byte[] {(byte) length}, addr(prefix));
    }

    static byte[] iaNa(long iaid, long t1, long t2, byte[]... sub) {
        return opt(3, u32(iaid), u32(t1), u32(t2), cat(sub));
    }

    static byte[] iaAddr(String address, long preferred, long valid) {
        return opt(5, addr(address), u32(preferred), u32(valid));
    }

    static byte[] labels(String... labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String l : labels) {
            byte[] b = l.getBytes(StandardCharsets.US_ASCII);
            out.write(b.length);
            out.writeBytes(b);
        }
        out.write(0);
        return out.toByteArray();
    }

    static byte[] msg(int type, byte[] xid, byte[]... options) {
        return cat(new byte[] {(byte) type}, xid, cat(options));
    }

    static byte[] opt(int code, byte[]... parts) {
        byte[] body = cat(parts);
        return cat(u16(code), u16(body.length), body);
    }

    /** The body of the first option with this code at the top level, or null. */
    static byte[] option(byte[] message, int code) {
        int at = 4;
        while (at + 4 <= message.length) {
            int c = ((message[at] & 0xff) << 8) | (message[at + 1] & 0xff);
            int len = ((message[at + 2] & 0xff) << 8) | (message[at + 3] & 0xff);
            if (at + 4 + len > message.length) return null;
            if (c == code) return java.util.Arrays.copyOfRange(message, at + 4, at + 4 + len);
            at += 4 + len;
        }
        return null;
    }

    static byte[] addr(String literal) {
        try {
            InetAddress a = InetAddress.getByName(literal);
            if (a instanceof Inet6Address) return a.getAddress();
            byte[] mapped = new byte[16]; // ::ffff:a.b.c.d arrives as an Inet4Address
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(a.getAddress(), 0, mapped, 12, 4);
            return mapped;
        } catch (IOException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) (v >> 8), (byte) v};
    }

    static byte[] u32(long v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return out;
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
