package org.prefixd.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The configuration directory's files, for those who change prefixd's configuration from afar
 * (the fleet's {@code config-get} and {@code config-set}): the files stay the source of truth.
 */
@ProviderType
public interface ConfigFiles {
    /** A value left out of what {@link #read} gives: a password is never sent anywhere. */
    String SECRET = "(secret)";

    /**
     * @param pid {@code prefixd.radvd}, or a factory configuration's {@code prefixd.lan~lan0}
     * @return the file's properties as text, a password's value given as {@link #SECRET};
     *         empty when there is no such file
     * @throws IllegalArgumentException when the pid is no configuration's, or its file is unreadable
     */
    Optional<Map<String, String>> read(String pid);

    /**
     * Writes the whole configuration as the pid's file, when its bundle's metatype takes every
     * value as it would take the file's, and applies it (as a rescan does).
     *
     * @return one line per problem ("file:line: what is wrong"); empty when written and applied.
     *         With problems nothing was written.
     */
    List<String> write(String pid, Map<String, String> properties);
}
