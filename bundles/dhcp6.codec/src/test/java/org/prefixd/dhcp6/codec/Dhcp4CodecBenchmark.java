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
 * Decoding and encoding of a DHCPOFFER as Kea sends one ({@link Dhcp4Wire#offer()}: server id,
 * lease time, T1, T2, mask, router, two DNS servers, padded to 300 bytes). Run it with JMH's main
 * class, as bundles/dhcp6.codec/README.md says.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Dhcp4CodecBenchmark {
    private byte[] offerBytes;
    private Dhcp4Packet offer;

    @Setup
    public void decodeTheOfferOnce() throws DecodeException {
        offerBytes = Dhcp4Wire.offer();
        offer = Dhcp4Codec.decode(offerBytes);
    }

    @Benchmark
    public Dhcp4Packet decodeOffer() throws DecodeException {
        return Dhcp4Codec.decode(offerBytes);
    }

    @Benchmark
    public byte[] encodeOffer() {
        return Dhcp4Codec.encode(offer);
    }
}
