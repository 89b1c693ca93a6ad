package org.prefixd.fleet.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "prefixd fleet",
        description = "Reports this router's state and events to an MQTT broker and takes the fleet's commands (README, \"Fleet\"). Off unless configured.")
public @interface FleetConfig {
    @AttributeDefinition(name = "Brokers", description = "MQTT broker URIs, tried in order: all ssl://host:8883 (TLS) or all tcp://host:1883 (reports only: commands are taken over TLS alone)")
    String[] brokers();

    @AttributeDefinition(name = "Router id", description = "This router's topic level; empty: derived from the DHCPv6 client's DUID (\"r\" and 16 hex digits)", required = false)
    String router_id() default "";

    @AttributeDefinition(name = "Topic prefix", description = "One or more topic levels before the router id", required = false)
    String topic_prefix() default "prefixd";

    @AttributeDefinition(name = "CA file", description = "PEM certificates of the broker's CA (ssl://); empty: the Java runtime's trust store", required = false)
    String tls_ca() default "";

    @AttributeDefinition(name = "Certificate file", description = "PEM certificate (chain) of this router, for brokers that authenticate clients by certificate", required = false)
    String tls_cert() default "";

    @AttributeDefinition(name = "Key file", description = "PEM PKCS#8 private key of the certificate (openssl pkcs8 -topk8 -nocrypt converts others)", required = false)
    String tls_key() default "";

    @AttributeDefinition(name = "Username", description = "For brokers that authenticate by password", required = false)
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Keep-alive (s)", min = "5", max = "3600", required = false)
    int keepalive() default 30;

    @AttributeDefinition(name = "Event backlog", description = "Events kept while the broker is away; beyond, the oldest are dropped and counted", min = "16", max = "100000", required = false)
    int backlog() default 1000;

    @AttributeDefinition(name = "State interval (ms)", description = "The state is republished on every change, at most once per this interval", min = "50", max = "60000", required = false)
    int state_interval() default 250;
}
