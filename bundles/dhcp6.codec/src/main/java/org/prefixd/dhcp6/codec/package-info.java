/**
 * DHCPv6 messages and options (RFC 8415, with RFC 3646, 3319, 4075, 4704, 5908, 6334, 6603,
 * 7341 and 4649/4580): strict decoding that names what is wrong and where, and byte-exact
 * encoding. Unknown options survive as raw bytes. Pure Java: no OSGi, no I/O, no clock.
 *
 * <p>Entry points: {@link org.prefixd.dhcp6.codec.Dhcp6Codec#decode(byte[])} and
 * {@link org.prefixd.dhcp6.codec.Dhcp6Codec#encode(Message)}.
 */
package org.prefixd.dhcp6.codec;
