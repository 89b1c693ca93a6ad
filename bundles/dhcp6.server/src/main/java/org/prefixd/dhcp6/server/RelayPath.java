package org.prefixd.dhcp6.server;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.InterfaceId;
import org.prefixd.dhcp6.codec.Message;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.Option;
import org.prefixd.dhcp6.codec.Options;
import org.prefixd.dhcp6.codec.RawOption;
import org.prefixd.dhcp6.codec.RelayMessage;
import org.prefixd.dhcp6.codec.RelayMessageOption;

/**
 * A client's message as relay agents on the LAN forwarded it (RFC 8415 §19): the Relay-forwards
 * from the outermost (the one that reached the server) to the innermost (the relay next to the
 * client), and the client's message. The answer goes back in Relay-replies with the same hop
 * counts, link and peer addresses and Interface-Id options (§20.1).
 */
public record RelayPath(List<RelayMessage> relays, ClientServerMessage client) {
    /** Option 79, RFC 6939: the client's link-layer address as the relay next to it saw it. */
    static final int CLIENT_LINKLAYER_ADDR = 79;
    /** Relays deeper than RFC 8415's HOP_COUNT_LIMIT are not followed. */
    static final int MAX_DEPTH = 8;

    public RelayPath {
        relays = List.copyOf(relays);
        if (relays.isEmpty()) throw new IllegalArgumentException("no relay");
    }

    /** @throws IllegalArgumentException saying why the Relay-forward carries no client message to answer */
    public static RelayPath of(RelayMessage forward) {
        List<RelayMessage> relays = new ArrayList<>();
        Message m = forward;
        while (m instanceof RelayMessage r) {
            if (r.type() != MessageType.RELAY_FORW) throw new IllegalArgumentException("a " + r.type().rfcName() + " inside a Relay-forward");
            if (relays.size() == MAX_DEPTH) throw new IllegalArgumentException("relayed through more than " + MAX_DEPTH + " relays");
            relays.add(r);
            m = r.relayed().orElseThrow(() -> new IllegalArgumentException("a Relay-forward without a Relay Message option"));
        }
        return new RelayPath(relays, (ClientServerMessage) m);
    }

    /** The relay next to the client. */
    public RelayMessage innermost() {
        return relays.get(relays.size() - 1);
    }

    /** The client's address as the relay next to it saw it (its link-local when it is on that relay's link). */
    public Inet6Address peer() {
        return innermost().peerAddress();
    }

    /** Each relay's link-address, innermost first (:: from a lightweight relay, RFC 6221). */
    public List<Inet6Address> linkAddresses() {
        List<Inet6Address> out = new ArrayList<>();
        for (int i = relays.size() - 1; i >= 0; i--) out.add(relays.get(i).linkAddress());
        return out;
    }

    /** The client's MAC from the Client Link-Layer Address option (Ethernet) of the relay next to it. */
    public Optional<MacAddress> clientLinkLayer() {
        for (Option o : innermost().options()) {
            if (o instanceof RawOption raw && raw.code() == CLIENT_LINKLAYER_ADDR) return MacAddress.fromClientLinkLayer(raw.data());
        }
        return Optional.empty();
    }

    /** The reply in Relay-replies, one per relay, each with the Interface-Id its Relay-forward had. */
    public RelayMessage wrap(ClientServerMessage reply) {
        Message inner = reply;
        for (int i = relays.size() - 1; i >= 0; i--) {
            RelayMessage forward = relays.get(i);
            List<Option> options = new ArrayList<>();
            forward.options().get(InterfaceId.class).ifPresent(options::add);
            options.add(new RelayMessageOption(inner));
            inner = new RelayMessage(MessageType.RELAY_REPL, forward.hopCount(), forward.linkAddress(), forward.peerAddress(), Options.of(options));
        }
        return (RelayMessage) inner;
    }
}
