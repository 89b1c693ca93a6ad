package org.prefixd.it.osgi;

import java.util.List;

/**
 * The bundles of the embedded runtime, the one place the tests list them.
 *
 * <p>Mirrors {@code -runbundles} of {@code runtime/embedded.bndrun}: when that changes, change
 * this list and the dependencies of this module's pom (which copy the jars to target/bundles).
 * {@code RuntimeBundlesTest} fails when this list and the bndrun disagree.
 */
final class RuntimeBundles {
    /**
     * One run bundle.
     *
     * @param symbolicName its Bundle-SymbolicName, as the bndrun names it
     * @param version its major.minor.micro, the low end of the bndrun's range
     * @param jar its file in target/bundles (artifactId.jar: copied with the version stripped)
     */
    record RuntimeBundle(String symbolicName, String version, String jar) {
    }

    static final List<RuntimeBundle> ALL = List.of(
            new RuntimeBundle("io.netty.buffer", "4.2.20", "netty-buffer.jar"),
            new RuntimeBundle("io.netty.common", "4.2.20", "netty-common.jar"),
            new RuntimeBundle("io.netty.resolver", "4.2.20", "netty-resolver.jar"),
            new RuntimeBundle("io.netty.transport", "4.2.20", "netty-transport.jar"),
            new RuntimeBundle("jakarta.json-api", "2.1.3", "jakarta.json-api.jar"),
            new RuntimeBundle("org.apache.felix.configadmin", "1.9.26", "org.apache.felix.configadmin.jar"),
            new RuntimeBundle("org.apache.felix.eventadmin", "1.6.4", "org.apache.felix.eventadmin.jar"),
            new RuntimeBundle("org.apache.felix.log", "1.3.0", "org.apache.felix.log.jar"),
            new RuntimeBundle("org.apache.felix.metatype", "1.2.4", "org.apache.felix.metatype.jar"),
            new RuntimeBundle("org.apache.felix.scr", "2.2.18", "org.apache.felix.scr.jar"),
            new RuntimeBundle("org.osgi.service.component", "1.5.1", "org.osgi.service.component.jar"),
            new RuntimeBundle("org.osgi.util.function", "1.2.0", "org.osgi.util.function.jar"),
            new RuntimeBundle("org.osgi.util.promise", "1.3.0", "org.osgi.util.promise.jar"),
            new RuntimeBundle("prefixd.api", "0.1.0", "prefixd.api.jar"),
            new RuntimeBundle("prefixd.config", "0.1.0", "prefixd.config.jar"),
            new RuntimeBundle("prefixd.daemon", "0.1.0", "prefixd.daemon.jar"),
            new RuntimeBundle("prefixd.dhcp6.client", "0.1.0", "prefixd.dhcp6.client.jar"),
            new RuntimeBundle("prefixd.dhcp6.codec", "0.1.0", "prefixd.dhcp6.codec.jar"),
            new RuntimeBundle("prefixd.dhcp6.server", "0.1.0", "prefixd.dhcp6.server.jar"),
            new RuntimeBundle("prefixd.fleet.mqtt", "0.1.0", "prefixd.fleet.mqtt.jar"),
            new RuntimeBundle("prefixd.hooks", "0.1.0", "prefixd.hooks.jar"),
            new RuntimeBundle("prefixd.link.pppd", "0.1.0", "prefixd.link.pppd.jar"),
            new RuntimeBundle("prefixd.netconf", "0.1.0", "prefixd.netconf.jar"),
            new RuntimeBundle("prefixd.pd", "0.1.0", "prefixd.pd.jar"),
            new RuntimeBundle("prefixd.radvd", "0.1.0", "prefixd.radvd.jar"));

    static final String LINK = "prefixd.link.pppd";
    static final String CONFIG = "prefixd.config";
    static final String DAEMON = "prefixd.daemon";

    private RuntimeBundles() {
    }
}
