package org.prefixd.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WarmupTest {
    @Test
    void distributesTheMadeUpPrefixOverTheMadeUpLan() {
        assertEquals(1, Warmup.run());
    }
}
