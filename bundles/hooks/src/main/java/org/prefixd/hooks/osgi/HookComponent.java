package org.prefixd.hooks.osgi;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

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
import org.prefixd.hooks.Hook;

/**
 * One prefixd.hook configuration, checked and offered to the dispatcher of this bundle. A
 * changed configuration is a new instance; runs already queued keep the old one.
 */
@Component(configurationPid = "prefixd.hook", configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = HookConfig.class, factory = true)
public final class HookComponent {
    private final ServiceRegistration<Hook> registration;

    @Activate
    public HookComponent(BundleContext context, HookConfig config, Map<String, Object> properties,
                         @Reference(service = LoggerFactory.class) Logger log) {
        String pid = String.valueOf(properties.get("service.pid"));
        Hook hook;
        try {
            hook = Hook.of(pid, config.script(), config.style(), List.of(config.events()), List.of(config.links()), config.timeout());
        } catch (IllegalArgumentException e) {
            log.error("{}: not applied: {}", pid, e.getMessage()); // SCR's own report would only say "activate failed"
            throw e;
        }
        if (!Files.isExecutable(hook.script())) log.warn("{}: {} is not an executable file (yet): runs will fail until it is", pid, hook.script());
        log.info("hook {}: {} in {} style for {}", pid, hook.script(), hook.style().label(), hook.links().isEmpty() ? "every link" : hook.links());
        this.registration = context.registerService(Hook.class, hook, null);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
