package org.prefixd.netconf;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.NetConfig;
import org.prefixd.api.NetConfigException;
import org.prefixd.api.Prefix;

/** NetConfig through iproute2: one `ip` process per change, arguments as an array, stderr in the error. */
@Component(service = NetConfig.class, immediate = true)
public final class IpRoute2NetConfig implements NetConfig {
    private static final long TIMEOUT_SECONDS = 10;
    private final Logger log;

    @Activate
    public IpRoute2NetConfig(@Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
    }

    @Override
    public void setAddress(InterfaceName dev, Inet6Address address, int prefixLength, long preferredSeconds, long validSeconds)
            throws NetConfigException {
        run(IpCommands.setAddress(dev, address, prefixLength, preferredSeconds, validSeconds), false);
    }

    @Override
    public void removeAddress(InterfaceName dev, Inet6Address address, int prefixLength) throws NetConfigException {
        run(IpCommands.removeAddress(dev, address, prefixLength), true);
    }

    @Override
    public AddressState addressState(InterfaceName dev, Inet6Address address) throws NetConfigException {
        return IpCommands.addressState(execute(IpCommands.showAddresses(dev), false), address);
    }

    @Override
    public void setUnreachableRoute(Prefix prefix) throws NetConfigException {
        run(IpCommands.setUnreachable(prefix), false);
    }

    @Override
    public void removeUnreachableRoute(Prefix prefix) throws NetConfigException {
        run(IpCommands.removeUnreachable(prefix), true);
    }

    private void run(List<String> command, boolean removal) throws NetConfigException {
        execute(command, removal);
        if (log.isDebugEnabled()) log.debug("{}", String.join(" ", command));
    }

    /** The kernel refuses address and route changes to a process without CAP_NET_ADMIN: say so. */
    static String capabilityHint(String stderr) {
        return stderr.contains("Operation not permitted") ? " (prefixd needs CAP_NET_ADMIN for this: see its service's capabilities)" : "";
    }

    /** Runs one command and returns what it printed; a removal of something already gone counts as done. */
    static String execute(List<String> command, boolean removal) throws NetConfigException {
        String joined = String.join(" ", command);
        try {
            Process p = new ProcessBuilder(command).start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // a line or two
            String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new NetConfigException(joined + ": no answer in " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() == 0 || (removal && IpCommands.alreadyGone(stderr))) return stdout;
            throw new NetConfigException(joined + " failed (exit " + p.exitValue() + "): " + stderr + capabilityHint(stderr));
        } catch (IOException e) {
            throw new NetConfigException(joined + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetConfigException(joined + ": interrupted");
        }
    }
}
