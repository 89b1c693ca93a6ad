package org.prefixd.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The link watcher's view of every configured WAN link, for status displays. */
@ProviderType
public interface LinkMonitor {
    List<LinkStatus> links();
}
