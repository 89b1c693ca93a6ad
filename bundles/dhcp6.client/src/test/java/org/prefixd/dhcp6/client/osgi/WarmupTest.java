package org.prefixd.dhcp6.client.osgi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.Test;
import org.prefixd.dhcp6.client.SessionSettings;
import org.prefixd.dhcp6.codec.Duid;

/** The warm-up runs the whole first-lease path off the link: for every shape of configuration it must get through. */
class WarmupTest {
    private static final Duid CLIENT = new Duid.Uuid(UUID.fromString("6f0b6f0e-1d2c-4b7a-9a55-0f0e0d0c0b0a"));

    @Test
    void getsThroughForAddressAndPrefixPrefixOnlyAndStatelessSettings() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            List<SessionSettings> shapes = List.of(
                    new SessionSettings(CLIENT, Optional.of(1L), List.of(new SessionSettings.PdRequest(2, 56, Optional.empty())),
                            true, true, List.of(), List.of(), Optional.empty(), false),
                    new SessionSettings(CLIENT, Optional.empty(), List.of(new SessionSettings.PdRequest(2, 0, Optional.empty())),
                            false, false, List.of(), List.of(), Optional.empty(), false, true),
                    new SessionSettings(CLIENT, Optional.empty(), List.of(), false, false, List.of(), List.of(), Optional.empty(), true));
            for (SessionSettings settings : shapes) assertDoesNotThrow(() -> Warmup.run(group, settings), settings.toString());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
