package org.prefixd.dhcp6.codec;

/**
 * A DHCPv6 option. Known options are typed; any other is a {@link RawOption}, kept byte for
 * byte. Every option re-encodes to the bytes it was decoded from.
 */
public sealed interface Option permits RawOption, ClientId, ServerId, IaNa, IaTa, IaAddress, OptionRequest,
        Preference, ElapsedTime, RelayMessageOption, Authentication, ServerUnicast, StatusCode, RapidCommit,
        UserClass, VendorClass, VendorOptions, InterfaceId, ReconfigureMessage, ReconfigureAccept,
        SipServerDomains, SipServerAddresses, DnsServers, DomainList, IaPd, IaPrefix, SntpServers,
        InformationRefreshTime, RemoteId, SubscriberId, ClientFqdn, NtpServer, AftrName, PdExclude,
        SolMaxRt, InfMaxRt, Dhcp4Message, Dhcp4o6Servers {
    int code();

    /** Writes the option's data (what follows option-code and option-len). */
    void writeBody(Writer out);
}
