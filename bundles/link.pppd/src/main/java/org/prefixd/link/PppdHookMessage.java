package org.prefixd.link;

import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.LinkLocal;
import org.prefixd.api.PppdSession;
import org.prefixd.api.SafeText;

/**
 * Decodes what prefixd's ipv6-up/ipv6-down scripts send over the hook socket:
 *
 * <pre>
 * prefixd-pppd 1
 * ipv6-up                      (or ipv6-down)
 * arg:ppp0                     pppd's arguments, in order: interface, tty, speed,
 * arg:/dev/ttyS0               local link-local, remote link-local, ipparam (pppd omits
 * arg:115200                   ipparam when it is not set)
 * arg:fe80::1
 * arg:fe80::2
 * arg:isp
 * env:PPPD_PID=1234            pppd's environment, as the script found it
 * env:IFNAME=ppp0
 * </pre>
 *
 * Everything is checked; anything odd rejects the whole message.
 */
public final class PppdHookMessage {
    public static final int MAX_BYTES = 4096;
    static final String MAGIC = "prefixd-pppd 1";

    private PppdHookMessage() {
    }

    public static PppdEvent decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) throw new IllegalArgumentException("message of " + bytes.length + " bytes is larger than " + MAX_BYTES);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("message is not UTF-8");
        }
        String[] lines = text.split("\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) count--; // final newline
        if (count < 2 || !MAGIC.equals(lines[0])) throw new IllegalArgumentException("message does not start with '" + MAGIC + "'");
        PppdEvent.Kind kind = switch (lines[1]) {
            case "ipv6-up" -> PppdEvent.Kind.UP;
            case "ipv6-down" -> PppdEvent.Kind.DOWN;
            default -> throw new IllegalArgumentException("unknown script name '" + SafeText.printable(lines[1]) + "'");
        };
        List<String> args = new ArrayList<>();
        Map<String, String> env = new HashMap<>();
        for (int i = 2; i < count; i++) {
            String line = lines[i];
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ch < 0x20 || ch == 0x7f) throw new IllegalArgumentException("line " + (i + 1) + " contains a control character");
            }
            if (line.startsWith("arg:")) {
                if (!env.isEmpty()) throw new IllegalArgumentException("line " + (i + 1) + ": arguments must come before the environment");
                args.add(line.substring(4));
            } else if (line.startsWith("env:")) {
                int eq = line.indexOf('=');
                if (eq < 0) throw new IllegalArgumentException("line " + (i + 1) + ": environment entry without '='");
                String key = line.substring(4, eq);
                if (!key.matches("[A-Z][A-Z0-9_]{0,31}")) throw new IllegalArgumentException("line " + (i + 1) + ": bad environment name");
                if (env.put(key, line.substring(eq + 1)) != null) throw new IllegalArgumentException("line " + (i + 1) + ": " + key + " given twice");
            } else {
                throw new IllegalArgumentException("line " + (i + 1) + " is neither arg: nor env:");
            }
        }
        return toEvent(kind, args, env);
    }

    private static PppdEvent toEvent(PppdEvent.Kind kind, List<String> args, Map<String, String> env) {
        if (args.size() != 5 && args.size() != 6)
            throw new IllegalArgumentException("pppd passes 5 or 6 arguments to ipv6 scripts, got " + args.size());
        String problem = InterfaceName.problemWith(args.get(0));
        if (problem != null) throw new IllegalArgumentException(problem);
        InterfaceName name = InterfaceName.of(args.get(0));
        String ifnameEnv = env.get("IFNAME");
        if (ifnameEnv != null && !ifnameEnv.equals(name.value()))
            throw new IllegalArgumentException("IFNAME does not match the interface argument " + name);
        Optional<String> tty = Optional.of(args.get(1)).filter(t -> !t.isEmpty());
        long speed = number("speed", args.get(2), 12);
        Inet6Address local = LinkLocal.parse(args.get(3));
        Inet6Address remote = LinkLocal.parse(args.get(4));
        String lllocal = env.get("LLLOCAL");
        if (lllocal != null && !LinkLocal.parse(lllocal).equals(local))
            throw new IllegalArgumentException("LLLOCAL does not match the local address argument");
        Optional<String> ipparam = args.size() == 6 ? Optional.of(args.get(5)).filter(p -> !p.isEmpty()) : Optional.empty();
        String pidText = env.get("PPPD_PID");
        if (pidText == null) throw new IllegalArgumentException("PPPD_PID is missing from the environment");
        long pid = number("PPPD_PID", pidText, 10);
        return new PppdEvent(kind, name, new PppdSession(pid, tty, speed, ipparam), local, remote);
    }

    private static long number(String what, String text, int maxDigits) {
        if (text.isEmpty() || text.length() > maxDigits || !text.chars().allMatch(c -> c >= '0' && c <= '9'))
            throw new IllegalArgumentException(what + " '" + SafeText.printable(text) + "' is not a number");
        return Long.parseLong(text);
    }
}
