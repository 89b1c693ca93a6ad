#!/usr/bin/env python3
"""Solicit with Rapid Commit -> Reply (RFC 8415 section 18.3.1), timed from a LAN host.

Used by runtime/bench/lan-dhcp6, because perfdhcp 2.2 cannot (its -i -c stops with "Packets
exchange not specified"). Sends COUNT Solicits, 20 a second, to ff02::1:2 on DEV from port 546,
each from one of COUNT fixed clients (DUID-LL 02:5e:10:00:nn:nn, IA_NA 1, Elapsed Time 0, Rapid
Commit), and waits up to 1 s for the Reply with its transaction id. Prints the median time in ms
(or "-"), and on stderr how many went unanswered.

Usage: solicit-rapid.py DEV COUNT
"""
import os
import socket
import statistics
import struct
import sys
import time


def option(code, body):
    return struct.pack("!HH", code, len(body)) + body


def main():
    dev, count = sys.argv[1], int(sys.argv[2])
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("::", 546))
    s.settimeout(1.0)
    target = ("ff02::1:2", 547, 0, socket.if_nametoindex(dev))
    times, lost = [], 0
    for n in range(count):
        xid = os.urandom(3)
        duid = struct.pack("!HH", 3, 1) + bytes([0x02, 0x5E, 0x10, 0x00, n >> 8, n & 0xFF])
        solicit = (b"\x01" + xid + option(1, duid) + option(3, struct.pack("!III", 1, 0, 0))
                   + option(8, b"\x00\x00") + option(14, b""))
        start = time.perf_counter()
        s.sendto(solicit, target)
        try:
            while True:
                data = s.recv(2048)
                if len(data) >= 4 and data[0] == 7 and data[1:4] == xid:
                    times.append((time.perf_counter() - start) * 1000)
                    break
        except socket.timeout:
            lost += 1
        time.sleep(0.05)
    print("%.3f" % statistics.median(times) if times else "-")
    print("solicit-rapid: %d of %d unanswered" % (lost, count), file=sys.stderr)


if __name__ == "__main__":
    main()
