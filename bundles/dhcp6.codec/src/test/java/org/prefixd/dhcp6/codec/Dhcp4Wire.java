package org.prefixd.dhcp6.codec;

/** DHCPv4 messages in hex for the tests: the 240 bytes of header and cookie, then the options as given. */
final class Dhcp4Wire {
    private Dhcp4Wire() {
    }

    static final String CHADDR = "02 00 5e 10 00 01" + " 00".repeat(10);

    /** A BOOTREPLY header for xid 0x39 03 f3 26 with yiaddr 192.0.2.100, followed by the cookie. */
    static String replyHeader() {
        return "02 01 06 00 39 03 f3 26 0000 0000 00000000 c0000264 00000000 00000000 " + CHADDR + " 00".repeat(64 + 128) + " 63 82 53 63";
    }

    static String requestHeader() {
        return "01 01 06 00 39 03 f3 26 0000 0000 00000000 00000000 00000000 00000000 " + CHADDR + " 00".repeat(64 + 128) + " 63 82 53 63";
    }

    /** An OFFER as Kea sends one: type, server id 192.0.2.1, lease 4000 s, T1, T2, mask, router, DNS, End, padding to 300. */
    static final String OFFER_OPTIONS = "35 01 02 36 04 c0000201 33 04 00000fa0 3a 04 000007d0 3b 04 00000d7a 01 04 ffffff00 03 04 c0000201 06 08 c0000235 c0000236 ff";

    static byte[] offer() {
        String hex = replyHeader() + " " + OFFER_OPTIONS;
        int length = Wire.bytes(hex).length;
        return Wire.bytes(hex + " 00".repeat(Math.max(0, 300 - length)));
    }
}
