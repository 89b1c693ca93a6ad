package org.prefixd.radvd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmupTest {
    @Test
    void rendersAFileForTheMadeUpLan() {
        assertTrue(Warmup.run() > 200, "a whole file: interface, prefix, RDNSS, DNSSL");
    }
}
