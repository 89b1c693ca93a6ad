package org.prefixd.dhcp6.client.osgi;

import java.util.function.Consumer;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

/**
 * Hands each datagram to a consumer and releases it. Not Netty's SimpleChannelInboundHandler,
 * and with its own {@link #isSharable()}: both make Netty cache the handler's class in a
 * thread-local map of the thread that builds or adds the handler — here a Declarative Services
 * thread that outlives this bundle — which kept every updated bundle's class loader alive.
 */
final class DatagramReader extends ChannelInboundHandlerAdapter {
    private final Consumer<DatagramPacket> consumer;

    DatagramReader(Consumer<DatagramPacket> consumer) {
        this.consumer = consumer;
    }

    @Override
    public boolean isSharable() {
        return false;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof DatagramPacket packet) consumer.accept(packet);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }
}
