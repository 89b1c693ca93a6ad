package org.prefixd.pd.osgi;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.prefixd.api.LanSettings;

/**
 * One prefixd.lan configuration: checked, then offered to the distributor of this bundle and,
 * as {@link LanSettings}, to the RA writer. A changed configuration is a new instance: the
 * distributor sees the LAN go and come back in one update, so only this LAN moves.
 */
@Component(configurationPid = "prefixd.lan", configurationPolicy = ConfigurationPolicy.REQUIRE, service = LanComponent.class)
@Designate(ocd = LanConfig.class, factory = true)
public final class LanComponent {
    private final LanSetup setup;
    private final ServiceRegistration<LanSettings> registration;

    @Activate
    public LanComponent(BundleContext context, LanConfig config, @Reference(service = LoggerFactory.class) Logger log) {
        try {
            this.setup = LanSetup.from(config);
        } catch (RuntimeException e) { // SCR's own report would only say "InvocationTargetException"
            log.error("prefixd.lan {}: not applied: {}", config.lan(), e.getMessage() != null ? e.getMessage() : e.toString());
            throw e;
        }
        this.registration = context.registerService(LanSettings.class, setup.settings(), setup.settings().serviceProperties());
    }

    LanSetup setup() {
        return setup;
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
