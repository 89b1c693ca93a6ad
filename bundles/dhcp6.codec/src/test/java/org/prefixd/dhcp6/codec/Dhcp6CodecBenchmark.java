package org.prefixd.dhcp6.codec;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding and encoding of {@link TypicalMessages#reply()} (CLIENTID, SERVERID, IA_NA with
 * IAADDR, IA_PD with IAPREFIX, DNS_SERVERS, DOMAIN_LIST; 196 bytes). Not a test: run it with
 * JMH's main class, as bundles/dhcp6.codec/README.md says; {@code -prof gc} adds the bytes
 * allocated per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Dhcp6CodecBenchmark {
    private Message reply;
    private byte[] replyBytes;

    @Setup
    public void encodeTheReplyOnce() {
        reply = TypicalMessages.reply();
        replyBytes = Dhcp6Codec.encode(reply);
    }

    @Benchmark
    public Message decodeTypicalReply() throws DecodeException {
        return Dhcp6Codec.decode(replyBytes);
    }

    @Benchmark
    public byte[] encodeTypicalReply() {
        return Dhcp6Codec.encode(reply);
    }
}
