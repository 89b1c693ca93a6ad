package org.prefixd.dhcp6.client;

import java.util.List;
import java.util.Objects;

import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.Duid;

/**
 * What the DHCPv4-over-DHCPv6 client of a link sends about itself (from prefixd.dhcp6, validated).
 *
 * @param clientId the Client-identifier (option 61)
 * @param htype the hardware type in chaddr: 1 (Ethernet) with a MAC, 0 without
 * @param hardwareAddress the link's MAC, or empty (a PPP link has none)
 * @param requestedOptions option codes asked for beyond those prefixd interprets
 */
public record Dhcp4Settings(Bytes clientId, int htype, Bytes hardwareAddress, List<Integer> requestedOptions) {
    public Dhcp4Settings {
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.length() < 2 || clientId.length() > 255) throw new IllegalArgumentException("client identifier of " + clientId.length() + " bytes");
        if (htype < 0 || htype > 255) throw new IllegalArgumentException("htype " + htype);
        if (hardwareAddress.length() > 16) throw new IllegalArgumentException("hardware address of " + hardwareAddress.length() + " bytes");
        requestedOptions = List.copyOf(requestedOptions);
        for (int code : requestedOptions)
            if (code < 1 || code > 254) throw new IllegalArgumentException("DHCPv4 option code " + code + " is not in 1..254");
    }

    /**
     * RFC 4361 §6.1: type 255, the IAID, the DUID — the identifier a DHCPv4 client uses when it
     * has a DHCPv6 DUID, so that both servers see one client.
     */
    public static Bytes clientId(long iaid, Duid duid) {
        byte[] d = duid.bytes().toArray();
        byte[] id = new byte[5 + d.length];
        id[0] = (byte) 0xff;
        id[1] = (byte) (iaid >>> 24);
        id[2] = (byte) (iaid >>> 16);
        id[3] = (byte) (iaid >>> 8);
        id[4] = (byte) iaid;
        System.arraycopy(d, 0, id, 5, d.length);
        return Bytes.of(id);
    }
}
