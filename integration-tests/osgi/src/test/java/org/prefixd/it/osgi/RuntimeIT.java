package org.prefixd.it.osgi;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** The embedded runtime as a whole: it resolves, starts, and every component comes up. No network needed. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class RuntimeIT {
    /** The prefixd component that needs a configuration (factory PID prefixd.link) and has none here; see also {@link #CLIENT}. */
    private static final String LINK_WATCHER = "org.prefixd.link.osgi.LinkWatcherComponent";
    /** The DHCPv6 client also waits for its configuration (factory PID prefixd.dhcp6). */
    private static final String CLIENT = "org.prefixd.dhcp6.client.osgi.ClientComponent";
    private static final String LAN = "org.prefixd.pd.osgi.LanComponent";
    /** A hook exists per prefixd.hook configuration (factory PID). */
    private static final String HOOK = "org.prefixd.hooks.osgi.HookComponent";
    /** The LAN's DHCPv6 server reads the LAN's own (prefixd.lan) configuration. */
    private static final String LAN_SERVER = "org.prefixd.dhcp6.server.osgi.LanServerComponent";
    /** The fleet's MQTT client is off unless configured (prefixd.fleet). */
    private static final String FLEET = "org.prefixd.fleet.osgi.FleetComponent";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Configuration
    public Option[] configuration() {
        return TestRuntime.options(RuntimeIT.class);
    }

    @Test
    public void everyRuntimeBundleResolvesAndStarts() {
        List<String> problems = new ArrayList<>();
        for (RuntimeBundles.RuntimeBundle expected : RuntimeBundles.ALL) {
            Optional<Bundle> found = bundle(expected.symbolicName());
            if (found.isEmpty()) {
                problems.add(expected.symbolicName() + " is not installed");
                continue;
            }
            Version version = found.get().getVersion();
            Version wanted = Version.parseVersion(expected.version());
            if (version.getMajor() != wanted.getMajor() || version.getMinor() != wanted.getMinor() || version.getMicro() != wanted.getMicro())
                problems.add(expected.symbolicName() + " is version " + version + ", runtime/embedded.bndrun has " + wanted);
        }
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE)
                problems.add(b.getSymbolicName() + " " + b.getVersion() + " is " + state(b.getState()) + ", not ACTIVE");
        }
        assertEquals("bundles of the embedded runtime", List.of(), problems);

        Await.until("every prefixd component but the link watcher to be satisfied or active, the link watcher to wait for its configuration",
                TIMEOUT, () -> componentProblems().isEmpty(), () -> String.join("; ", componentProblems()));
    }

    /** What is wrong with the prefixd components now; empty when all is as expected. */
    private List<String> componentProblems() {
        List<String> problems = new ArrayList<>();
        boolean watcherSeen = false;
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() == null || !b.getSymbolicName().startsWith("prefixd.")) continue;
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(b)) {
                var configurations = scr.getComponentConfigurationDTOs(description);
                if (!scr.isComponentEnabled(description)) problems.add(description.name + " is disabled");
                if (description.name.equals(LINK_WATCHER)) {
                    watcherSeen = true;
                    if (!"require".equals(description.configurationPolicy))
                        problems.add(LINK_WATCHER + " has configuration policy " + description.configurationPolicy + ", expected require");
                    if (!configurations.isEmpty())
                        problems.add(LINK_WATCHER + " has " + configurations.size() + " configuration(s) though no prefixd.link configuration exists");
                    continue;
                }
                if (description.name.equals(CLIENT)) {
                    if (!"require".equals(description.configurationPolicy) || !configurations.isEmpty())
                        problems.add(CLIENT + " should wait for a prefixd.dhcp6 configuration");
                    continue;
                }
                if (description.name.equals(LAN) || description.name.equals(HOOK) || description.name.equals(LAN_SERVER) || description.name.equals(FLEET)) {
                    if (!"require".equals(description.configurationPolicy) || !configurations.isEmpty())
                        problems.add(description.name + " should wait for its configuration");
                    continue;
                }
                if (configurations.isEmpty()) problems.add(description.name + " has no component configuration");
                for (ComponentConfigurationDTO c : configurations) {
                    if (c.state != ComponentConfigurationDTO.SATISFIED && c.state != ComponentConfigurationDTO.ACTIVE)
                        problems.add(description.name + " is " + componentState(c));
                }
            }
        }
        if (!watcherSeen) problems.add("no component " + LINK_WATCHER + " in bundle " + RuntimeBundles.LINK);
        return problems;
    }

    private Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    private static String componentState(ComponentConfigurationDTO c) {
        String state = switch (c.state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION (" + c.failure + ")";
            default -> "state " + c.state;
        };
        List<String> missing = new ArrayList<>();
        for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) missing.add(r.name + " " + r.target);
        return missing.isEmpty() ? state : state + " missing " + missing;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "state " + state;
        };
    }
}
