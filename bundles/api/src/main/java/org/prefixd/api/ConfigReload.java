package org.prefixd.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Rescans the configuration directory now, as SIGHUP and {@code prefixd reload} ask. Files
 * that are broken keep their previous configuration.
 */
@ProviderType
public interface ConfigReload {
    /**
     * @return one line per problem found ("file:line: what is wrong"), empty when every file
     *         was applied
     */
    List<String> rescan();
}
