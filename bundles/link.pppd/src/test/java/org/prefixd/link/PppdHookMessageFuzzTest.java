package org.prefixd.link;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.net.Inet6Address;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.LinkLocal;
import org.prefixd.api.PppdSession;

/**
 * Whatever a local process writes to the hook socket (or leaves in a kept session file),
 * {@link PppdHookMessage#decode} either rejects it with an {@link IllegalArgumentException}
 * whose message is safe to log (printable ASCII, bounded), or gives a {@link PppdEvent} whose
 * every value is valid: an interface name {@link InterfaceName} accepts, link-local addresses
 * without a scope, a pid above 1 and a speed of at most 10 and 12 digits, a tty and ipparam
 * {@link PppdSession#isSafeText safe}, nothing outside printable ASCII in its text. Never
 * another exception. The event written back as the ipv6-up script writes it decodes to an
 * equal event.
 *
 * <p>In plain {@code mvn test} this runs the files of
 * {@code src/test/resources/org/prefixd/link/PppdHookMessageFuzzTestInputs/decodeRejectsOrValidates/}
 * (seeds, and every reproducer the fuzzer wrote: keep them). To fuzz, from the workspace root:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -o -pl bundles/link.pppd -am test -Dtest=PppdHookMessageFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}
 * — for {@code maxDuration}, or {@code JAZZER_MAX_DURATION=2m}.
 */
class PppdHookMessageFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void decodeRejectsOrValidates(byte[] message) {
        PppdEvent event;
        try {
            event = PppdHookMessage.decode(message);
        } catch (IllegalArgumentException rejected) {
            String why = rejected.getMessage();
            require(why != null && !why.isEmpty(), "a rejection without a reason");
            require(why.length() <= 300, "a " + why.length() + "-character rejection: it goes to the log");
            require(printable(why), "a rejection that is not printable ASCII goes to the log: " + why.chars().mapToObj(Integer::toHexString).toList());
            return;
        }
        require(message.length <= PppdHookMessage.MAX_BYTES, "a message of " + message.length + " bytes accepted");
        require(event.kind() != null, "no kind");
        require(InterfaceName.problemWith(event.name().value()) == null, "interface name " + event.name() + " accepted");
        linkLocal(event.local(), "local");
        linkLocal(event.remote(), "remote");
        PppdSession session = event.session();
        require(session.pid() > 1 && session.pid() <= 9_999_999_999L, "pid " + session.pid());
        require(session.speed() >= 0 && session.speed() <= 999_999_999_999L, "speed " + session.speed());
        session.tty().ifPresent(t -> require(!t.isEmpty() && PppdSession.isSafeText(t), "tty '" + t + "'"));
        session.ipparam().ifPresent(p -> require(!p.isEmpty() && PppdSession.isSafeText(p), "ipparam '" + p + "'"));
        require(printable(event.toString()), "the event does not print as printable ASCII: " + event);

        PppdEvent again = PppdHookMessage.decode(written(event));
        require(again.equals(event), "written back, " + event + " decodes as " + again);
    }

    /** The message as prefixd's ipv6-up/ipv6-down script writes it. */
    private static byte[] written(PppdEvent event) {
        StringBuilder text = new StringBuilder(PppdHookMessage.MAGIC).append('\n');
        text.append(event.kind() == PppdEvent.Kind.UP ? "ipv6-up" : "ipv6-down").append('\n');
        text.append("arg:").append(event.name().value()).append('\n');
        text.append("arg:").append(event.session().tty().orElse("")).append('\n');
        text.append("arg:").append(event.session().speed()).append('\n');
        text.append("arg:").append(LinkLocal.format(event.local())).append('\n');
        text.append("arg:").append(LinkLocal.format(event.remote())).append('\n');
        event.session().ipparam().ifPresent(p -> text.append("arg:").append(p).append('\n'));
        text.append("env:PPPD_PID=").append(event.session().pid()).append('\n');
        text.append("env:IFNAME=").append(event.name().value()).append('\n');
        text.append("env:LLLOCAL=").append(LinkLocal.format(event.local())).append('\n');
        return text.toString().getBytes(UTF_8);
    }

    private static void linkLocal(Inet6Address address, String which) {
        require(LinkLocal.is(address), which + " address " + address + " is not link-local");
        require(address.getScopeId() == 0 && address.getScopedInterface() == null, which + " address " + address + " keeps a scope");
    }

    private static boolean printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static void require(boolean condition, String what) {
        if (!condition) throw new AssertionError(what);
    }
}
