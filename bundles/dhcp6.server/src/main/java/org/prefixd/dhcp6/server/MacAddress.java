package org.prefixd.dhcp6.server;

import java.net.Inet6Address;
import java.util.Optional;

import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.Duid;

/**
 * A 48-bit MAC address of a LAN client, as seed 001 finds it: in its DUID (DUID-LL and DUID-LLT
 * of an Ethernet interface), in the Client Link-Layer Address option a relay next to it adds
 * (RFC 6939), or else in an EUI-64 link-local source address (which a host with privacy or
 * stable-privacy link-local addresses does not have).
 */
public record MacAddress(long value) {
    public MacAddress {
        if (value < 0 || value > 0xffffffffffffL) throw new IllegalArgumentException("not a 48-bit MAC address");
    }

    /** DUID-LL or DUID-LLT with hardware type 1 (Ethernet) and 6 bytes. */
    public static Optional<MacAddress> fromDuid(Duid duid) {
        if (duid instanceof Duid.LinkLayer ll && ll.hardwareType() == 1) return of(ll.linkLayerAddress());
        if (duid instanceof Duid.LinkLayerPlusTime llt && llt.hardwareType() == 1) return of(llt.linkLayerAddress());
        return Optional.empty();
    }

    /** fe80::/64 with an EUI-64 interface identifier (ff:fe in its middle): the MAC with the U/L bit flipped back. */
    public static Optional<MacAddress> fromEui64LinkLocal(Inet6Address source) {
        byte[] a = source.getAddress();
        if ((a[0] & 0xff) != 0xfe || (a[1] & 0xc0) != 0x80) return Optional.empty();
        for (int i = 2; i < 8; i++) if (a[i] != 0) return Optional.empty();
        if ((a[11] & 0xff) != 0xff || (a[12] & 0xff) != 0xfe) return Optional.empty();
        long mac = ((long) ((a[8] ^ 0x02) & 0xff) << 40) | ((long) (a[9] & 0xff) << 32) | ((long) (a[10] & 0xff) << 24)
                | ((a[13] & 0xff) << 16) | ((a[14] & 0xff) << 8) | (a[15] & 0xff);
        return Optional.of(new MacAddress(mac));
    }

    /** RFC 6939's Client Link-Layer Address option: link-layer type 1 (Ethernet) and 6 bytes. */
    public static Optional<MacAddress> fromClientLinkLayer(Bytes option) {
        if (option.length() != 8 || option.get(0) != 0 || option.get(1) != 1) return Optional.empty();
        return of(Bytes.of(java.util.Arrays.copyOfRange(option.toArray(), 2, 8)));
    }

    private static Optional<MacAddress> of(Bytes address) {
        if (address.length() != 6) return Optional.empty();
        long mac = 0;
        for (int i = 0; i < 6; i++) mac = (mac << 8) | (address.get(i) & 0xff);
        return Optional.of(new MacAddress(mac));
    }

    /** "aa:bb:cc:dd:ee:ff" (lower case); also what {@link #parse} reads. */
    public String text() {
        StringBuilder out = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (out.length() > 0) out.append(':');
            out.append(String.format("%02x", (value >>> shift) & 0xff));
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException for anything but six hex pairs separated by ':' or '-' */
    public static MacAddress parse(String text) {
        String t = text.strip();
        if (!t.matches("[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}")) throw new IllegalArgumentException("'" + text + "' is not a MAC address (aa:bb:cc:dd:ee:ff)");
        return new MacAddress(Long.parseLong(t.replaceAll("[:-]", ""), 16));
    }

    @Override
    public String toString() {
        return text();
    }
}
