package org.prefixd.netconf;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.NetConfig;
import org.prefixd.api.Prefix;

/** A NetConfig for unit tests: records each call as a line, changes nothing. */
public final class RecordingNetConfig implements NetConfig {
    public final List<String> calls = new ArrayList<>();

    @Override
    public void setAddress(InterfaceName dev, Inet6Address address, int prefixLength, long preferredSeconds, long validSeconds) {
        calls.add("set " + Ipv6Text.format(address) + "/" + prefixLength + " dev " + dev + " preferred " + preferredSeconds + " valid " + validSeconds);
    }

    @Override
    public void removeAddress(InterfaceName dev, Inet6Address address, int prefixLength) {
        calls.add("remove " + Ipv6Text.format(address) + "/" + prefixLength + " dev " + dev);
    }

    /** What addressState answers, per address; PRESENT when not given. */
    public final java.util.Map<Inet6Address, AddressState> states = new java.util.HashMap<>();

    @Override
    public AddressState addressState(InterfaceName dev, Inet6Address address) {
        return states.getOrDefault(address, AddressState.PRESENT);
    }

    @Override
    public void setUnreachableRoute(Prefix prefix) {
        calls.add("unreachable " + prefix);
    }

    @Override
    public void removeUnreachableRoute(Prefix prefix) {
        calls.add("remove unreachable " + prefix);
    }
}
