package org.prefixd.fleet;

import java.util.Objects;

/**
 * The topic contract of one router (README "Fleet"): {@code <prefix>/<router-id>/state} (retained),
 * {@code …/events}, {@code …/online} (retained, the Last Will says false), {@code …/cmd/<name>}
 * and the answers on {@code …/reply/<request-id>}. The prefix is one or more topic levels, the
 * router id exactly one; neither may hold the wildcards + and # or be empty, so that a router's
 * subscription to its own commands never reaches another router's.
 */
public record FleetTopics(String prefix, String routerId) {
    public static final int MAX_LEVEL = 64;
    /** A command's name: the last level of its topic. */
    private static final java.util.regex.Pattern COMMAND_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public FleetTopics {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(routerId, "routerId");
        for (String level : prefix.split("/", -1)) checkLevel("prefix", level);
        checkLevel("router id", routerId);
    }

    private static void checkLevel(String what, String level) {
        if (level.isEmpty()) throw new IllegalArgumentException(what + " has an empty topic level");
        if (level.length() > MAX_LEVEL) throw new IllegalArgumentException(what + " level '" + level.substring(0, 16) + "…' is longer than " + MAX_LEVEL);
        if (!level.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException(what + " level '" + level + "' has other than letters, digits, '.', '_' and '-'");
    }

    private String base() {
        return prefix + "/" + routerId;
    }

    public String state() {
        return base() + "/state";
    }

    public String events() {
        return base() + "/events";
    }

    public String online() {
        return base() + "/online";
    }

    /** What the router subscribes to: its own commands only. */
    public String commands() {
        return base() + "/cmd/+";
    }

    /** Where the controller sends a command to this router. */
    public String command(String name) {
        if (!COMMAND_NAME.matcher(name).matches()) throw new IllegalArgumentException("command name '" + name + "'");
        return base() + "/cmd/" + name;
    }

    public String reply(String requestId) {
        checkLevel("request id", requestId);
        return base() + "/reply/" + requestId;
    }

    /** The command a topic names, when it is one of this router's command topics. */
    public java.util.Optional<String> commandOf(String topic) {
        String start = base() + "/cmd/";
        if (!topic.startsWith(start)) return java.util.Optional.empty();
        String name = topic.substring(start.length());
        return COMMAND_NAME.matcher(name).matches() ? java.util.Optional.of(name) : java.util.Optional.empty();
    }
}
