package org.prefixd.web.osgi;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.prefixd.api.Directories;
import org.prefixd.api.WarnLimiter;
import org.prefixd.web.Credentials;

/**
 * The web console's login (HTTP Basic), for its pages, prefixd's page and the event stream. The
 * console profile sets felix.webconsole.security.providers=prefixd: the console serves nothing
 * until this provider is registered, and its own admin/admin login is never accepted.
 */
// Immediate: made when registered, not lazily inside the first HTTP request, which raced a reconfiguration once (BrowserIT:
// after prefixd.web was saved the console served no page for minutes).
@Component(immediate = true, service = SecurityProvider.class, configurationPid = "prefixd.web", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = SecurityProvider.PROPERTY_ID + "=" + LoginComponent.ID)
public final class LoginComponent implements SecurityProvider {
    static final String ID = "prefixd";
    private static final String REALM = "prefixd";

    private final Credentials credentials;
    private final Logger log;
    private final WarnLimiter refusals = new WarnLimiter(); // a password-guessing client cannot flood the log

    @Activate
    public LoginComponent(BundleContext context, WebConfig config, @Reference(service = LoggerFactory.class) Logger log) throws IOException {
        this.log = log;
        this.credentials = credentials(Directories.state(context.getProperty(Directories.STATE_PROPERTY)), config, log);
    }

    private static Credentials credentials(Path stateDir, WebConfig config, Logger log) throws IOException {
        if (!config.username().isEmpty() || !config.password().isEmpty()) {
            try {
                return new Credentials(config.username(), config.password());
            } catch (IllegalArgumentException e) {
                log.error("prefixd.web: login not applied: {}; the generated login stays", e.getMessage());
            }
        }
        Path file = stateDir.resolve(Credentials.FILE);
        try {
            Optional<Credentials> kept = Credentials.load(file);
            if (kept.isPresent()) return kept.get();
        } catch (IllegalArgumentException e) {
            log.error("{}: {}; a new login is generated", file, e.getMessage());
        }
        Credentials generated = Credentials.generate(new SecureRandom());
        generated.store(file);
        log.warn("web console login generated: user {} password {} (kept in {}, mode 0600; set username and password in prefixd.web to choose your own)",
                generated.user(), generated.password(), file);
        return generated;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        Optional<String[]> given = Credentials.fromBasicHeader(request.getHeader("Authorization"));
        if (given.isPresent() && credentials.matches(given.get()[0], given.get()[1])) return credentials.user();
        if (given.isPresent()) refusals.warn(log::warn, "web console: login refused from " + request.getRemoteAddr());
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        try {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } catch (IOException | IllegalStateException e) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        }
        return null;
    }

    @Override
    public boolean authorize(Object user, String role) {
        return user != null;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        // HTTP Basic has no server-side session to end
    }
}
