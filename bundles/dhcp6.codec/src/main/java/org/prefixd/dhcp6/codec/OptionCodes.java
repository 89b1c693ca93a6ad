package org.prefixd.dhcp6.codec;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Option codes, their names as the RFCs write them, and which may appear once only. */
public final class OptionCodes {
    private OptionCodes() {
    }

    public static final int CLIENTID = 1, SERVERID = 2, IA_NA = 3, IA_TA = 4, IAADDR = 5, ORO = 6, PREFERENCE = 7,
            ELAPSED_TIME = 8, RELAY_MSG = 9, AUTH = 11, UNICAST = 12, STATUS_CODE = 13, RAPID_COMMIT = 14,
            USER_CLASS = 15, VENDOR_CLASS = 16, VENDOR_OPTS = 17, INTERFACE_ID = 18, RECONF_MSG = 19,
            RECONF_ACCEPT = 20, SIP_SERVER_D = 21, SIP_SERVER_A = 22, DNS_SERVERS = 23, DOMAIN_LIST = 24,
            IA_PD = 25, IAPREFIX = 26, SNTP_SERVERS = 31, INFORMATION_REFRESH_TIME = 32, REMOTE_ID = 37,
            SUBSCRIBER_ID = 38, CLIENT_FQDN = 39, NTP_SERVER = 56, AFTR_NAME = 64, PD_EXCLUDE = 67,
            SOL_MAX_RT = 82, INF_MAX_RT = 83, DHCPV4_MSG = 87, DHCP4_O_DHCP6_SERVER = 88;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(CLIENTID, "CLIENTID"), Map.entry(SERVERID, "SERVERID"), Map.entry(IA_NA, "IA_NA"),
            Map.entry(IA_TA, "IA_TA"), Map.entry(IAADDR, "IAADDR"), Map.entry(ORO, "ORO"),
            Map.entry(PREFERENCE, "PREFERENCE"), Map.entry(ELAPSED_TIME, "ELAPSED_TIME"),
            Map.entry(RELAY_MSG, "RELAY_MSG"), Map.entry(AUTH, "AUTH"), Map.entry(UNICAST, "UNICAST"),
            Map.entry(STATUS_CODE, "STATUS_CODE"), Map.entry(RAPID_COMMIT, "RAPID_COMMIT"),
            Map.entry(USER_CLASS, "USER_CLASS"), Map.entry(VENDOR_CLASS, "VENDOR_CLASS"),
            Map.entry(VENDOR_OPTS, "VENDOR_OPTS"), Map.entry(INTERFACE_ID, "INTERFACE_ID"),
            Map.entry(RECONF_MSG, "RECONF_MSG"), Map.entry(RECONF_ACCEPT, "RECONF_ACCEPT"),
            Map.entry(SIP_SERVER_D, "SIP_SERVER_D"), Map.entry(SIP_SERVER_A, "SIP_SERVER_A"),
            Map.entry(DNS_SERVERS, "DNS_SERVERS"), Map.entry(DOMAIN_LIST, "DOMAIN_LIST"), Map.entry(IA_PD, "IA_PD"),
            Map.entry(IAPREFIX, "IAPREFIX"), Map.entry(SNTP_SERVERS, "SNTP_SERVERS"),
            Map.entry(INFORMATION_REFRESH_TIME, "INFORMATION_REFRESH_TIME"), Map.entry(REMOTE_ID, "REMOTE_ID"),
            Map.entry(SUBSCRIBER_ID, "SUBSCRIBER_ID"), Map.entry(CLIENT_FQDN, "CLIENT_FQDN"),
            Map.entry(NTP_SERVER, "NTP_SERVER"), Map.entry(AFTR_NAME, "AFTR_NAME"), Map.entry(PD_EXCLUDE, "PD_EXCLUDE"),
            Map.entry(SOL_MAX_RT, "SOL_MAX_RT"), Map.entry(INF_MAX_RT, "INF_MAX_RT"), Map.entry(DHCPV4_MSG, "DHCPV4_MSG"),
            Map.entry(DHCP4_O_DHCP6_SERVER, "DHCP4_O_DHCP6_SERVER"));

    /**
     * Options that may appear at most once in a message or option (RFC 8415 §24, "Singleton
     * Option"; and the defining RFCs of the others).
     */
    static final Set<Integer> SINGLETONS = Set.of(CLIENTID, SERVERID, ORO, PREFERENCE, ELAPSED_TIME, RELAY_MSG, AUTH,
            UNICAST, STATUS_CODE, RAPID_COMMIT, USER_CLASS, INTERFACE_ID, RECONF_MSG, RECONF_ACCEPT, SIP_SERVER_D,
            SIP_SERVER_A, DNS_SERVERS, DOMAIN_LIST, SNTP_SERVERS, INFORMATION_REFRESH_TIME, REMOTE_ID, SUBSCRIBER_ID,
            CLIENT_FQDN, AFTR_NAME, PD_EXCLUDE, SOL_MAX_RT, INF_MAX_RT, DHCPV4_MSG, DHCP4_O_DHCP6_SERVER);

    /**
     * One bit per singleton, by code: an option list records the singletons it has seen in one
     * long (there are 29), which costs the decoder no set and no boxed codes.
     */
    private static final long[] SINGLETON_BITS = new long[Collections.max(SINGLETONS) + 1];

    static {
        if (SINGLETONS.size() > Long.SIZE) throw new AssertionError("more singletons than bits in a long");
        int next = 0;
        for (int code : new TreeSet<>(SINGLETONS)) SINGLETON_BITS[code] = 1L << next++;
    }

    /** The singleton's bit, or 0 when the option may appear more than once. */
    static long singletonBit(int code) {
        return code < SINGLETON_BITS.length ? SINGLETON_BITS[code] : 0;
    }

    /** "IA_NA", or "option 1234" for one this codec does not know. */
    public static String name(int code) {
        String name = NAMES.get(code);
        return name != null ? name : "option " + code;
    }
}
