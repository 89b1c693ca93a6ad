package org.prefixd.dhcp6.codec;

/** Reads a sequence of options and dispatches each to its type's decoder. */
final class OptionReader {
    /** Deepest nesting of relay messages inside relay messages (RFC 8415 HOP_COUNT_LIMIT is 8). */
    static final int MAX_RELAY_DEPTH = 32;
    /**
     * Deepest nesting of options inside options within one message. RFC 8415 needs 3
     * (IA_NA/IAADDR/STATUS_CODE, IA_PD/IAPREFIX/PD_EXCLUDE); without a bound, 8-byte IA_TAs
     * nested inside each other in one 64 KiB option recurse 8000 deep and overflow the stack.
     */
    static final int MAX_OPTION_DEPTH = 8;

    private OptionReader() {
    }

    static Options readAll(Reader in, int relayDepth) throws DecodeException {
        PendingItems options = in.context.pending;
        int firstOption = options.mark();
        long singletonsSeen = 0;
        int depth = ++in.context.optionDepth;
        while (in.hasRemaining()) {
            int start = in.position();
            if (depth > MAX_OPTION_DEPTH) throw in.error("options nested more than " + MAX_OPTION_DEPTH + " deep");
            if (in.remaining() < 4) throw in.error("option header needs 4 bytes, " + in.remaining() + " left");
            int code = in.u16("option-code");
            int length = in.u16("option-len");
            if (length > in.remaining())
                throw in.error(start + 2, OptionCodes.name(code) + " says it has " + length + " bytes, only " + in.remaining() + " follow");
            long singletonBit = OptionCodes.singletonBit(code);
            if ((singletonsSeen & singletonBit) != 0) throw in.error(start, OptionCodes.name(code) + " appears more than once");
            singletonsSeen |= singletonBit;
            int outerEnd = in.narrow(length);
            in.context.enterOption(code);
            options.add(decode(code, in, relayDepth));
            in.context.leaveOption();
            in.widen(outerEnd);
        }
        in.context.optionDepth--;
        return Options.of(options.<Option>takeSince(firstOption));
    }

    private static Option decode(int code, Reader body, int relayDepth) throws DecodeException {
        Option option = switch (code) {
            case OptionCodes.CLIENTID -> new ClientId(Duid.read(body));
            case OptionCodes.SERVERID -> new ServerId(Duid.read(body));
            case OptionCodes.IA_NA -> IaNa.read(body, relayDepth);
            case OptionCodes.IA_TA -> IaTa.read(body, relayDepth);
            case OptionCodes.IAADDR -> IaAddress.read(body, relayDepth);
            case OptionCodes.ORO -> OptionRequest.read(body);
            case OptionCodes.PREFERENCE -> new Preference(body.u8("pref-value"));
            case OptionCodes.ELAPSED_TIME -> new ElapsedTime(body.u16("elapsed-time"));
            case OptionCodes.RELAY_MSG -> RelayMessageOption.read(body, relayDepth);
            case OptionCodes.AUTH -> Authentication.read(body);
            case OptionCodes.UNICAST -> new ServerUnicast(body.address("server-address"));
            case OptionCodes.STATUS_CODE -> StatusCode.read(body);
            case OptionCodes.RAPID_COMMIT -> new RapidCommit();
            case OptionCodes.USER_CLASS -> new UserClass(Opaques.read(body, "user-class-data-len", "user-class-data"));
            case OptionCodes.VENDOR_CLASS -> VendorClass.read(body);
            case OptionCodes.VENDOR_OPTS -> VendorOptions.read(body);
            case OptionCodes.INTERFACE_ID -> new InterfaceId(body.rest());
            case OptionCodes.RECONF_MSG -> new ReconfigureMessage(body.u8("msg-type"));
            case OptionCodes.RECONF_ACCEPT -> new ReconfigureAccept();
            case OptionCodes.SIP_SERVER_D -> new SipServerDomains(DomainName.readList(body));
            case OptionCodes.SIP_SERVER_A -> new SipServerAddresses(Addresses.read(body));
            case OptionCodes.DNS_SERVERS -> new DnsServers(Addresses.read(body));
            case OptionCodes.DOMAIN_LIST -> new DomainList(DomainName.readList(body));
            case OptionCodes.IA_PD -> IaPd.read(body, relayDepth);
            case OptionCodes.IAPREFIX -> IaPrefix.read(body, relayDepth);
            case OptionCodes.SNTP_SERVERS -> new SntpServers(Addresses.read(body));
            case OptionCodes.INFORMATION_REFRESH_TIME -> new InformationRefreshTime(body.u32("information-refresh-time"));
            case OptionCodes.REMOTE_ID -> new RemoteId(body.u32("enterprise-number"), body.rest());
            case OptionCodes.SUBSCRIBER_ID -> new SubscriberId(body.rest());
            case OptionCodes.CLIENT_FQDN -> ClientFqdn.read(body);
            case OptionCodes.NTP_SERVER -> NtpServer.read(body);
            case OptionCodes.AFTR_NAME -> AftrName.read(body);
            case OptionCodes.PD_EXCLUDE -> PdExclude.read(body);
            case OptionCodes.SOL_MAX_RT -> new SolMaxRt(body.u32("SOL_MAX_RT value"));
            case OptionCodes.INF_MAX_RT -> new InfMaxRt(body.u32("INF_MAX_RT value"));
            case OptionCodes.DHCPV4_MSG -> new Dhcp4Message(body.rest());
            case OptionCodes.DHCP4_O_DHCP6_SERVER -> new Dhcp4o6Servers(Addresses.read(body));
            default -> new RawOption(code, body.rest());
        };
        body.expectEndOfOption(code);
        return option;
    }
}
