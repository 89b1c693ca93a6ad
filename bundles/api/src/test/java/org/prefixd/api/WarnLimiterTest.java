package org.prefixd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The limiter on a virtual clock: minutes in microseconds. */
class WarnLimiterTest {
    private long now;
    private final List<String> logged = new ArrayList<>();

    @Test
    void logsOnceAMinuteWhenToldSoAndSaysHowManyItLeftOut() {
        WarnLimiter once = new WarnLimiter(1, () -> now);
        for (int second = 0; second <= 130; second += 5) {
            now = second * 1_000_000_000L;
            once.warn(logged::add, "cannot write at " + second + " s");
        }
        assertEquals(List.of("cannot write at 0 s", "12 more warnings like the above were not logged", "cannot write at 65 s",
                "12 more warnings like the above were not logged", "cannot write at 130 s"), logged);
    }

    @Test
    void logsTenAMinuteByDefault() {
        WarnLimiter ten = new WarnLimiter(10, () -> now);
        for (int i = 0; i < 1000; i++) ten.warn(logged::add, "dropped " + i);
        assertEquals(10, logged.size());
    }

    @Test
    void namesWhatItLeftOut() {
        WarnLimiter lines = new WarnLimiter(2, "LAN lease lines", () -> now);
        for (int i = 0; i < 5; i++) lines.warn(logged::add, "bound " + i);
        now = 61_000_000_000L;
        lines.warn(logged::add, "bound 5");
        assertEquals(List.of("bound 0", "bound 1", "3 more LAN lease lines like the above were not logged", "bound 5"), logged);
    }
}
