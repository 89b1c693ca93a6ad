package org.prefixd.it.osgi;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Optional;

/**
 * The network namespace bin/java-netns runs the test JVM in, with the veth end wan0 that the link
 * watcher is pointed at. bin/java-netns tells through the environment whether there is one.
 */
final class WanNamespace {
    static final String INTERFACE = "wan0";
    /** Set by bin/java-netns: the namespace's name, or "none". */
    static final String ENV = "PREFIXD_IT_NETNS";
    /** Set by bin/java-netns with {@code none}: why there is no namespace. */
    static final String ENV_REASON = "PREFIXD_IT_NETNS_REASON";

    private WanNamespace() {
    }

    /** Why the tests cannot use wan0, or empty when they can. */
    static Optional<String> whyUnavailable() {
        String namespace = System.getenv(ENV);
        if (namespace == null)
            return Optional.of("needs a network namespace with " + INTERFACE + ": run the tests through integration-tests/osgi/bin/java-netns (mvn verify does)");
        if (namespace.equals("none")) {
            String reason = System.getenv(ENV_REASON);
            return Optional.of(reason == null || reason.isBlank() ? "needs root: runs in a network namespace" : reason);
        }
        try {
            if (NetworkInterface.getByName(INTERFACE) == null)
                return Optional.of("network namespace " + namespace + " has no interface " + INTERFACE);
        } catch (SocketException e) {
            return Optional.of("cannot list the interfaces of " + namespace + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    static NetworkInterface wan() throws SocketException {
        NetworkInterface wan = NetworkInterface.getByName(INTERFACE);
        if (wan == null) throw new AssertionError("no interface " + INTERFACE + " in this network namespace");
        return wan;
    }

    /** wan0's link-local address as the kernel has it, without a scope. */
    static Inet6Address linkLocal() throws SocketException {
        for (InetAddress a : Collections.list(wan().getInetAddresses())) {
            if (a instanceof Inet6Address && a.isLinkLocalAddress()) return withoutScope(a);
        }
        throw new AssertionError(INTERFACE + " has no IPv6 link-local address");
    }

    /** Parses an IPv6 literal as a service or event property carries it. */
    static Inet6Address address(Object literal) {
        if (!(literal instanceof String text) || text.indexOf(':') < 0)
            throw new AssertionError("expected an IPv6 address literal, got " + literal);
        try {
            return withoutScope(InetAddress.getByName(text)); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw new AssertionError("'" + text + "' is not an IPv6 address literal", e);
        }
    }

    private static Inet6Address withoutScope(InetAddress a) {
        try {
            return (Inet6Address) InetAddress.getByAddress(a.getAddress());
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
