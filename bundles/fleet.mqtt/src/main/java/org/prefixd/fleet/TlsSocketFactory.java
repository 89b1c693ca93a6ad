package org.prefixd.fleet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets for Paho given as plain sockets: Paho's own TLS module names the broker in SNI
 * even when it is an IP address, which Java refuses for an IPv6 literal ("non-LDH ASCII"), so a
 * router could not reach ssl://[2001:db8::1]:8883. Paho is given tcp:// and these sockets, which
 * do the TLS themselves: the certificate checked against the broker's name or address (RFC 2818,
 * as HTTPS does), SNI sent for names only (RFC 6066), the handshake on the first write, and
 * no Nagle delay.
 */
public final class TlsSocketFactory extends SocketFactory {
    private final SSLSocketFactory tls;

    public TlsSocketFactory(SSLSocketFactory tls) {
        this.tls = tls;
    }

    /** The URI Paho is given for a broker: ssl:// becomes tcp:// (these sockets do the TLS). */
    public static String pahoUri(String brokerUri) {
        return brokerUri.startsWith("ssl://") ? "tcp://" + brokerUri.substring("ssl://".length()) : brokerUri;
    }

    @Override
    public Socket createSocket() throws IOException {
        return checked((SSLSocket) tls.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return checked((SSLSocket) tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return checked((SSLSocket) tls.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return checked((SSLSocket) tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return checked((SSLSocket) tls.createSocket(address, port, localAddress, localPort));
    }

    private static SSLSocket checked(SSLSocket socket) throws java.net.SocketException {
        socket.setTcpNoDelay(true); // a command and its reply are one small write each: not held back for the peer's delayed ACK
        SSLParameters p = socket.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(p);
        return socket;
    }
}
