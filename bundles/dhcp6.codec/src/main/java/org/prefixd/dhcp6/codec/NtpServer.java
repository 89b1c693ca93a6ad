package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;

/**
 * NTP Server (RFC 5908): one time source as suboptions: a unicast address, a multicast
 * address or a name. Unknown suboptions are kept as bytes.
 */
public record NtpServer(List<Suboption> suboptions) implements Option {
    public static final int SRV_ADDR = 1, MC_ADDR = 2, SRV_FQDN = 3;

    public sealed interface Suboption permits ServerAddress, MulticastAddress, ServerName, OtherSuboption {
        int code();
    }

    public record ServerAddress(Inet6Address address) implements Suboption {
        public ServerAddress {
            Objects.requireNonNull(address, "address");
        }

        public int code() {
            return SRV_ADDR;
        }
    }

    public record MulticastAddress(Inet6Address address) implements Suboption {
        public MulticastAddress {
            Objects.requireNonNull(address, "address");
        }

        public int code() {
            return MC_ADDR;
        }
    }

    /** A server's name; {@link ReceivedName#hostName()} is empty when the name the server sent is not a host name. */
    public record ServerName(ReceivedName name) implements Suboption {
        public ServerName {
            if (!name.absolute()) throw new IllegalArgumentException("an NTP server name is fully qualified");
        }


        public int code() {
            return SRV_FQDN;
        }
    }

    public record OtherSuboption(int code, Bytes data) implements Suboption {
        public OtherSuboption {
            if (code < 0 || code > 0xffff || code == SRV_ADDR || code == MC_ADDR || code == SRV_FQDN)
                throw new IllegalArgumentException("suboption code " + code + " is not an unknown one");
            Objects.requireNonNull(data, "data");
        }
    }

    public NtpServer {
        suboptions = List.copyOf(suboptions);
    }

    public int code() {
        return OptionCodes.NTP_SERVER;
    }

    static NtpServer read(Reader body) throws DecodeException {
        PendingItems subs = body.context.pending;
        int firstSub = subs.mark();
        while (body.hasRemaining()) {
            if (body.remaining() < 4) throw body.error("NTP suboption header needs 4 bytes, " + body.remaining() + " left");
            int code = body.u16("suboption-code");
            int length = body.u16("suboption-len");
            body.need(length, "NTP suboption", code);
            int outerEnd = body.narrow(length);
            Suboption sub = switch (code) {
                case SRV_ADDR, MC_ADDR -> {
                    if (length != 16) throw body.error("NTP suboption " + code + " is an IPv6 address (16 bytes), got " + length);
                    Inet6Address a = body.address("address");
                    yield code == SRV_ADDR ? new ServerAddress(a) : new MulticastAddress(a);
                }
                case SRV_FQDN -> new ServerName(DomainName.read(body, false));
                default -> new OtherSuboption(code, body.rest());
            };
            body.expectEnd("NTP suboption", code);
            body.widen(outerEnd);
            subs.add(sub);
        }
        return new NtpServer(subs.takeSince(firstSub));
    }

    public void writeBody(Writer out) {
        for (Suboption s : suboptions) {
            out.u16(s.code());
            int at = out.beginLength();
            if (s instanceof ServerAddress a) out.address(a.address());
            else if (s instanceof MulticastAddress m) out.address(m.address());
            else if (s instanceof ServerName n) n.name().write(out);
            else if (s instanceof OtherSuboption o) o.data().writeTo(out);
            out.endLength(at);
        }
    }
}
