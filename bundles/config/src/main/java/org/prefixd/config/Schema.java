package org.prefixd.config;

import java.util.List;
import java.util.Optional;

/** What properties a PID takes; in the framework, the metatype of the bundles. */
@FunctionalInterface
public interface Schema {
    /**
     * @param pid a singleton PID or a factory PID
     * @return the attributes of the PID, empty when nothing describes it (then every property
     *         is taken as a string)
     */
    Optional<List<AttributeSpec>> attributes(String pid);

    /** Describes nothing: every file is taken as strings. */
    Schema NONE = pid -> Optional.empty();
}
