#!/usr/bin/env python3
"""Tiny pcap reader for the DHCPv6 captures (Python 3 standard library only).

Usage:
  python3 extract.py DIR [DIR ...]     extract DIR/capture.pcap into DIR/NN-<msgtype>-<direction>.bin
  python3 extract.py --count PCAP      print "<msgtype> <count>" per DHCPv6 message type seen so far
                                       (capture.sh polls this to know when an exchange happened)
  python3 extract.py --list PCAP       print one line per DHCPv6 packet (time, direction, type, length)

What it understands:
  * classic pcap files (both byte orders, microsecond or nanosecond magic; not pcapng),
  * link types EN10MB (1, what tcpdump writes for a veth), LINUX_SLL (113) and LINUX_SLL2 (276),
    optional 802.1Q tags,
  * IPv6 with the extension headers Hop-by-Hop (0), Routing (43) and Destination Options (60)
    skipped; fragments (44) and everything that is not UDP are ignored,
  * UDP with source or destination port 546/547.

Direction: destination port 547 -> c2s (client/relay to server), anything else -> s2c.
NN is the 2-digit position of the packet in the capture after de-duplication: a payload that is
byte-identical to the immediately preceding kept payload(s) is kept at most twice in a row
(retransmissions that differ, e.g. by the Elapsed Time option, are all kept).
Existing NN-*.bin files in DIR are deleted first, so re-running is idempotent.
"""
import os
import re
import struct
import sys

MSG_NAMES = {
    1: "solicit", 2: "advertise", 3: "request", 4: "confirm", 5: "renew", 6: "rebind",
    7: "reply", 8: "release", 9: "decline", 10: "reconfigure", 11: "information-request",
    12: "relay-forw", 13: "relay-repl",
}


def msg_name(first_byte):
    return MSG_NAMES.get(first_byte, "type%d" % first_byte)


def read_pcap(path):
    """Yield (timestamp_float, linktype, frame_bytes) for every record of a classic pcap file."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 24:
        return  # tcpdump has not flushed its header yet
    magic = data[:4]
    if magic == b"\xd4\xc3\xb2\xa1":
        endian, nano = "<", False
    elif magic == b"\xa1\xb2\xc3\xd4":
        endian, nano = ">", False
    elif magic == b"\x4d\x3c\xb2\xa1":
        endian, nano = "<", True
    elif magic == b"\xa1\xb2\x3c\x4d":
        endian, nano = ">", True
    else:
        raise ValueError("%s: not a classic pcap file (pcapng is not supported)" % path)
    linktype = struct.unpack(endian + "I", data[20:24])[0] & 0x0FFFFFFF
    off = 24
    while off + 16 <= len(data):
        sec, frac, incl, _orig = struct.unpack(endian + "IIII", data[off:off + 16])
        off += 16
        if off + incl > len(data):
            break  # truncated last record (capture still running)
        frame = data[off:off + incl]
        off += incl
        yield sec + frac / (1e9 if nano else 1e6), linktype, frame


def ipv6_payload(linktype, frame):
    """Return the IPv6 packet inside a link-layer frame, or None."""
    if linktype == 1:  # Ethernet
        off, etype = 14, struct.unpack("!H", frame[12:14])[0] if len(frame) >= 14 else 0
        while etype in (0x8100, 0x88A8) and len(frame) >= off + 4:
            etype = struct.unpack("!H", frame[off + 2:off + 4])[0]
            off += 4
    elif linktype == 113:  # Linux cooked v1
        off, etype = 16, struct.unpack("!H", frame[14:16])[0] if len(frame) >= 16 else 0
    elif linktype == 276:  # Linux cooked v2
        off, etype = 20, struct.unpack("!H", frame[0:2])[0] if len(frame) >= 20 else 0
    elif linktype in (101, 229):  # raw IP / raw IPv6
        return frame
    else:
        return None
    return frame[off:] if etype == 0x86DD else None


def udp_of_ipv6(pkt):
    """Return (src_addr, dst_addr, sport, dport, payload) for a plain IPv6/UDP packet, else None."""
    if len(pkt) < 40 or pkt[0] >> 4 != 6:
        return None
    plen = struct.unpack("!H", pkt[4:6])[0]
    nxt = pkt[6]
    src, dst = pkt[8:24], pkt[24:40]
    end = min(len(pkt), 40 + plen)
    off = 40
    while nxt in (0, 43, 60):  # Hop-by-Hop, Routing, Destination Options
        if off + 2 > end:
            return None
        nxt, hlen = pkt[off], (pkt[off + 1] + 1) * 8
        off += hlen
    if nxt != 17 or off + 8 > end:
        return None
    sport, dport, ulen = struct.unpack("!HHH", pkt[off:off + 6])
    payload = pkt[off + 8:min(end, off + ulen)]
    return src, dst, sport, dport, payload


def dhcp6_packets(path):
    """Yield (time, direction, payload) for every DHCPv6 UDP payload in a pcap."""
    for ts, lt, frame in read_pcap(path):
        pkt = ipv6_payload(lt, frame)
        if pkt is None:
            continue
        u = udp_of_ipv6(pkt)
        if u is None:
            continue
        _src, _dst, sport, dport, payload = u
        if 546 not in (sport, dport) and 547 not in (sport, dport):
            continue
        if not payload:
            continue
        yield ts, ("c2s" if dport == 547 else "s2c"), payload


def dedup(packets):
    """Drop a payload identical to the two kept payloads right before it."""
    out = []
    for p in packets:
        if len(out) >= 2 and out[-1][2] == p[2] and out[-2][2] == p[2]:
            continue
        out.append(p)
    return out


def extract(directory):
    pcap = os.path.join(directory, "capture.pcap")
    for name in os.listdir(directory):
        if re.match(r"^\d{2,3}-.*\.bin$", name):
            os.remove(os.path.join(directory, name))
    pkts = dedup(list(dhcp6_packets(pcap)))
    width = 2 if len(pkts) < 100 else 3
    written = []
    for i, (_ts, direction, payload) in enumerate(pkts, 1):
        name = "%0*d-%s-%s.bin" % (width, i, msg_name(payload[0]), direction)
        with open(os.path.join(directory, name), "wb") as f:
            f.write(payload)
        written.append(name)
    return written


def main(argv):
    if len(argv) >= 2 and argv[0] == "--count":
        counts = {}
        try:
            for _ts, _d, payload in dhcp6_packets(argv[1]):
                n = msg_name(payload[0])
                counts[n] = counts.get(n, 0) + 1
        except FileNotFoundError:
            pass
        for n, c in sorted(counts.items()):
            print(n, c)
        return 0
    if len(argv) >= 2 and argv[0] == "--list":
        t0 = None
        for ts, d, payload in dhcp6_packets(argv[1]):
            t0 = ts if t0 is None else t0
            print("%8.3f %s %-19s %4d bytes  xid=%s" % (ts - t0, d, msg_name(payload[0]), len(payload),
                                                   payload[1:4].hex()))
        return 0
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    for d in argv:
        names = extract(d)
        print("%s: %d packets: %s" % (d, len(names), " ".join(names)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
