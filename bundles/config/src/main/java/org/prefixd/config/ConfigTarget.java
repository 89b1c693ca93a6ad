package org.prefixd.config;

import java.util.regex.Pattern;

/**
 * The configuration a file feeds, named by its file name as Felix FileInstall does:
 * {@code <pid>.cfg} is a singleton configuration, {@code <factoryPid>-<name>.cfg} a named
 * factory configuration (split at the first '-').
 */
public sealed interface ConfigTarget permits ConfigTarget.Singleton, ConfigTarget.Factory {
    String SUFFIX = ".cfg";

    /** PIDs are dotted names; '-' cannot occur since it separates factory PID and name. */
    Pattern PID = Pattern.compile("[A-Za-z0-9_$]+(\\.[A-Za-z0-9_$]+)*");
    /** '~' is Config Admin's separator in a named factory configuration's PID. */
    Pattern NAME = Pattern.compile("[^\\s~/\\\\]+");

    /** @return the PID of the configuration in Config Admin ({@code factoryPid~name} for a factory one) */
    String pid();

    /** @return the PID whose metatype describes the properties (the factory PID for a factory one) */
    String schemaPid();

    /** @return the name of the file that feeds it: {@code <pid>.cfg} or {@code <factoryPid>-<name>.cfg} */
    default String fileName() {
        return (this instanceof Factory f ? f.factoryPid() + "-" + f.name() : pid()) + SUFFIX;
    }

    /**
     * The configuration a PID names: {@code a.b} or Config Admin's {@code a.b~name}.
     *
     * @throws IllegalArgumentException when it is neither (the reason in the message)
     */
    static ConfigTarget ofPid(String pid) {
        int tilde = pid.indexOf('~');
        return tilde < 0 ? new Singleton(pid) : new Factory(pid.substring(0, tilde), pid.substring(tilde + 1));
    }

    /** A configuration with one instance: {@code <pid>.cfg}. */
    record Singleton(String pid) implements ConfigTarget {
        public Singleton {
            if (pid == null || !PID.matcher(pid).matches()) throw new IllegalArgumentException("invalid PID '" + pid + "'");
        }

        @Override
        public String schemaPid() {
            return pid;
        }

        @Override
        public String toString() {
            return pid;
        }
    }

    /** One named instance of a factory configuration: {@code <factoryPid>-<name>.cfg}. */
    record Factory(String factoryPid, String name) implements ConfigTarget {
        public Factory {
            if (factoryPid == null || !PID.matcher(factoryPid).matches()) {
                throw new IllegalArgumentException("invalid factory PID '" + factoryPid + "'");
            }
            if (name == null || !NAME.matcher(name).matches()) throw new IllegalArgumentException("invalid name '" + name + "'");
        }

        /** The PID Config Admin 1.6 gives a named factory configuration. */
        @Override
        public String pid() {
            return factoryPid + "~" + name;
        }

        @Override
        public String schemaPid() {
            return factoryPid;
        }

        @Override
        public String toString() {
            return pid();
        }
    }

    /**
     * Whether a directory entry is a config file at all. Others are ignored without a word:
     * hidden files, and with them editor swap and lock files ({@code .x.cfg.swp},
     * {@code .#x.cfg}), backups ({@code x.cfg~}, {@code x.cfg.bak}), package manager leftovers
     * ({@code x.cfg.dpkg-new}).
     */
    static boolean isConfigFile(String fileName) {
        return fileName.endsWith(SUFFIX) && !fileName.startsWith(".");
    }

    /**
     * @param fileName a name for which {@link #isConfigFile} holds
     * @throws ConfigFileException when the name does not make a valid PID
     */
    static ConfigTarget ofFile(String fileName) throws ConfigFileException {
        if (!isConfigFile(fileName)) throw new IllegalArgumentException(fileName + " is not a config file name");
        String base = fileName.substring(0, fileName.length() - SUFFIX.length());
        int dash = base.indexOf('-');
        if (dash < 0) {
            if (!PID.matcher(base).matches()) {
                throw new ConfigFileException(fileName, 0, "'" + base + "' is not a valid PID: use dotted names of letters, digits and '_'");
            }
            return new Singleton(base);
        }
        String factoryPid = base.substring(0, dash);
        String name = base.substring(dash + 1);
        if (!PID.matcher(factoryPid).matches()) {
            throw new ConfigFileException(fileName, 0, "'" + factoryPid
                    + "' is not a valid factory PID: name the file <factoryPid>-<name>.cfg");
        }
        if (!NAME.matcher(name).matches()) {
            throw new ConfigFileException(fileName, 0, "'" + name
                    + "' is not a valid factory configuration name: it must not be empty nor contain blanks or '~'");
        }
        return new Factory(factoryPid, name);
    }
}
