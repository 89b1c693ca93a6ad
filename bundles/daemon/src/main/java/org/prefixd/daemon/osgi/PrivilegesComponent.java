package org.prefixd.daemon.osgi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.prefixd.daemon.Privileges;

/** Says at start who prefixd runs as, with which capabilities, and what a missing one will stop. */
@Component(immediate = true, service = {})
public final class PrivilegesComponent {
    @Activate
    public PrivilegesComponent(@Reference(service = LoggerFactory.class) Logger log) {
        try {
            Privileges privileges = Privileges.parse(System.getProperty("user.name", "?"),
                    Files.readString(Path.of("/proc/self/status"), StandardCharsets.US_ASCII));
            log.info("{}", privileges.summary());
            for (String line : privileges.missing()) log.warn("{}", line);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot tell which capabilities prefixd holds: {}", e.toString());
        }
    }
}
