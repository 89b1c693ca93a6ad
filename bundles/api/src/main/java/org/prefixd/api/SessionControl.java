package org.prefixd.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** `prefixd renew|release <link>`: asks the DHCPv6 client of a link to act now. */
@ProviderType
public interface SessionControl {
    /** @return what the session did, or empty when this client does not serve {@code link} */
    Optional<String> renew(InterfaceName link);

    /** @return what the session did, or empty when this client does not serve {@code link} */
    Optional<String> release(InterfaceName link);
}
