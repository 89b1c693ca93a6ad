/**
 * The types every prefixd bundle shares: services (a service's presence is the state),
 * immutable validated values, and Event Admin topics.
 */
@Export
@Version("1.9.0")
package org.prefixd.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
