package org.prefixd.fleet.controller;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code prefixd fleet COMMAND [ARGS] --broker URI [--ca F] [--cert F --key F] [--username U
 * --password-file F] [--prefix P] [--json] [--wait SECONDS]}, checked.
 */
public record ControllerOptions(String command, List<String> args, String broker, Optional<Path> ca, Optional<Path> cert, Optional<Path> key,
                                Optional<String> username, Optional<Path> passwordFile, String prefix, boolean json, Duration listen) {
    public static final String USAGE = """
            usage: prefixd fleet status [--json]                      every router: online, WAN links, prefixes, last event
                   prefixd fleet renew|release ROUTER LINK
                   prefixd fleet reload ROUTER
                   prefixd fleet config-get ROUTER PID
                   prefixd fleet config-set ROUTER PID KEY=VALUE...     the whole configuration
              with --broker ssl://HOST:8883 (or tcp://) [--ca CA.pem] [--cert C.pem --key C.key]
                   [--username U --password-file F] [--prefix prefixd] [--wait 3 (seconds)]
            """;

    /** @throws IllegalArgumentException with what is wrong (the caller prints it and the usage) */
    public static ControllerOptions parse(String[] argv) {
        List<String> positional = new ArrayList<>();
        String broker = null, prefix = "prefixd", username = null;
        Path ca = null, cert = null, key = null, passwordFile = null;
        boolean json = false;
        Duration listen = Duration.ofSeconds(3);
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            switch (a) {
                case "--broker" -> broker = value(argv, ++i, a);
                case "--ca" -> ca = Path.of(value(argv, ++i, a));
                case "--cert" -> cert = Path.of(value(argv, ++i, a));
                case "--key" -> key = Path.of(value(argv, ++i, a));
                case "--username" -> username = value(argv, ++i, a);
                case "--password-file" -> passwordFile = Path.of(value(argv, ++i, a));
                case "--prefix" -> prefix = value(argv, ++i, a);
                case "--json" -> json = true;
                case "--wait" -> {
                    String s = value(argv, ++i, a);
                    if (!s.matches("[0-9]{1,3}")) throw new IllegalArgumentException("--wait: seconds, 0 to 999");
                    listen = Duration.ofSeconds(Integer.parseInt(s));
                }
                default -> {
                    if (a.startsWith("--")) throw new IllegalArgumentException("unknown option " + a);
                    positional.add(a);
                }
            }
        }
        if (positional.isEmpty()) throw new IllegalArgumentException("no command");
        if (broker == null) throw new IllegalArgumentException("--broker is required");
        if ((cert == null) != (key == null)) throw new IllegalArgumentException("--cert and --key come together");
        String command = positional.get(0);
        List<String> args = List.copyOf(positional.subList(1, positional.size()));
        int[] arity = switch (command) {
            case "status" -> new int[] {0, 0};
            case "renew", "release", "config-get" -> new int[] {2, 2};
            case "reload" -> new int[] {1, 1};
            case "config-set" -> new int[] {2, Integer.MAX_VALUE};
            default -> throw new IllegalArgumentException("no command " + command);
        };
        if (args.size() < arity[0] || args.size() > arity[1]) throw new IllegalArgumentException(command + ": wrong number of arguments");
        return new ControllerOptions(command, args, broker, Optional.ofNullable(ca), Optional.ofNullable(cert), Optional.ofNullable(key),
                Optional.ofNullable(username), Optional.ofNullable(passwordFile), prefix, json, listen);
    }

    private static String value(String[] argv, int i, String option) {
        if (i >= argv.length) throw new IllegalArgumentException(option + " needs a value");
        return argv[i];
    }
}
