package org.prefixd.radvd.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "prefixd radvd",
        description = "Writes radvd's configuration from the LAN prefixes and makes radvd use it. Without a configuration: prefixd supervises radvd with run/radvd.conf.")
public @interface RadvdConfig {
    @AttributeDefinition(name = "Mode", description = "supervise: prefixd runs radvd and restarts it if it dies; signal: radvd runs on its own and gets SIGHUP (its pid from pid.file)",
            options = {@org.osgi.service.metatype.annotations.Option(label = "supervise", value = "supervise"),
                    @org.osgi.service.metatype.annotations.Option(label = "signal", value = "signal")})
    String mode() default "supervise";

    @AttributeDefinition(name = "Configuration file", description = "Where to write radvd.conf; empty: radvd.conf in prefixd's run directory", required = false)
    String conf() default "";

    @AttributeDefinition(name = "Overwrite", description = "Write the file even when it exists and was not written by prefixd (a hand-written /etc/radvd.conf, say)")
    boolean overwrite() default false;

    @AttributeDefinition(name = "pid file", description = "signal mode: radvd's pid file; supervise mode: empty means radvd.pid in the run directory", required = false)
    String pid_file() default "";

    @AttributeDefinition(name = "radvd", description = "The radvd program")
    String radvd() default "radvd";
}
