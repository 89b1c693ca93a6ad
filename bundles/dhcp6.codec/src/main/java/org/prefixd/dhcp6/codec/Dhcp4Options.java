package org.prefixd.dhcp6.codec;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The options of a DHCPv4 message in their order, Pads included. Those this codec knows hold
 * what RFC 2132 says ({@link Dhcp4Option#problem}), and the single-valued ones come once, so
 * the typed getters cannot fail.
 */
public final class Dhcp4Options implements Iterable<Dhcp4Option> {
    private final List<Dhcp4Option> options;

    private Dhcp4Options(List<Dhcp4Option> options) {
        this.options = options;
    }

    /** @throws IllegalArgumentException when a known option is malformed or a single-valued one repeats */
    public static Dhcp4Options of(List<Dhcp4Option> options) {
        List<Dhcp4Option> copy = List.copyOf(options);
        String problem = problem(copy);
        if (problem != null) throw new IllegalArgumentException(problem);
        return new Dhcp4Options(copy);
    }

    public static Dhcp4Options of(Dhcp4Option... options) {
        return of(List.of(options));
    }

    /** What {@link #of} refuses in these options, or null. */
    static String problem(List<Dhcp4Option> options) {
        long seen0 = 0, seen1 = 0; // a bit per code 0..127
        for (Dhcp4Option o : options) {
            String problem = Dhcp4Option.problem(o.code(), o.data());
            if (problem != null) return Dhcp4Option.name(o.code()) + ": " + problem;
            if (!Dhcp4Option.single(o.code())) continue;
            int c = o.code();
            long bit = 1L << (c & 63);
            if (((c < 64 ? seen0 : seen1) & bit) != 0) return Dhcp4Option.name(c) + " appears more than once";
            if (c < 64) seen0 |= bit;
            else seen1 |= bit;
        }
        return null;
    }

    public List<Dhcp4Option> list() {
        return options;
    }

    @Override
    public Iterator<Dhcp4Option> iterator() {
        return options.iterator();
    }

    /** The data of the first option with this code. */
    public Optional<Bytes> first(int code) {
        for (Dhcp4Option o : options) if (o.code() == code) return Optional.of(o.data());
        return Optional.empty();
    }

    /** Every option with this code, in order (RFC 3396 splits a long one over several). */
    public List<Dhcp4Option> all(int code) {
        List<Dhcp4Option> out = new ArrayList<>();
        for (Dhcp4Option o : options) if (o.code() == code) out.add(o);
        return out;
    }

    public Optional<Dhcp4MessageType> messageType() {
        return first(Dhcp4Option.MESSAGE_TYPE).map(b -> Dhcp4MessageType.of(b.get(0) & 0xff));
    }

    /** A 4-byte option (server identifier, subnet mask, requested address) as an address. */
    public Optional<Inet4Address> address(int code) {
        return first(code).map(b -> address(b, 0));
    }

    /** A list of addresses (routers, DNS servers), all instances of the option joined. */
    public List<Inet4Address> addresses(int code) {
        List<Inet4Address> out = new ArrayList<>();
        for (Dhcp4Option o : options)
            if (o.code() == code)
                for (int i = 0; i + 4 <= o.data().length(); i += 4) out.add(address(o.data(), i));
        return out;
    }

    /** A 32-bit number of seconds (lease time, T1, T2). */
    public Optional<Long> seconds(int code) {
        return first(code).map(b -> ((long) (b.get(0) & 0xff) << 24) | ((b.get(1) & 0xff) << 16) | ((b.get(2) & 0xff) << 8) | (b.get(3) & 0xff));
    }

    /** Option Overload (52): 1 the file field holds options, 2 sname, 3 both; 0 without the option. */
    public int overload() {
        return first(Dhcp4Option.OVERLOAD).map(b -> b.get(0) & 0xff).orElse(0);
    }

    private static Inet4Address address(Bytes b, int at) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {b.get(at), b.get(at + 1), b.get(at + 2), b.get(at + 3)});
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    void write(Writer out) {
        for (Dhcp4Option o : options) {
            out.u8(o.code());
            if (o.code() == Dhcp4Option.PAD) continue;
            out.u8(o.data().length());
            o.data().writeTo(out);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dhcp4Options other && options.equals(other.options);
    }

    @Override
    public int hashCode() {
        return options.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (Dhcp4Option o : options) {
            if (o.code() == Dhcp4Option.PAD) continue;
            if (out.length() > 1) out.append(", ");
            out.append(o.code()).append('=').append(o.data());
        }
        return out.append(']').toString();
    }
}
