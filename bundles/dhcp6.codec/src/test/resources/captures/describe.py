#!/usr/bin/env python3
"""Small DHCPv6 dissector for the captured test vectors (Python 3 standard library only).

Usage:
  python3 describe.py FILE.bin [FILE.bin ...]   print the message and its options as a tree
  python3 describe.py --json FILE.bin           print the full decoded message as JSON
  python3 describe.py --expected DIR [DIR ...]  write DIR/expected.json for every DIR/NN-*.bin
  python3 describe.py --summary DIR [DIR ...]   one line per DIR: message types and interesting options

Only RFC 8415 framing is assumed: a client/server message is msg-type(1) transaction-id(3) options,
a relay message is msg-type(1) hop-count(1) link-address(16) peer-address(16) options, an option is
code(2) length(2) data. Known options are decoded (see DECODERS); anything that does not fit
(truncated option, odd length, bad domain name) is reported as an "error" next to the raw hex
instead of raising, because these are exactly the things a codec test wants to know about.

expected.json (one per capture directory) holds, for every .bin file in order:
  file, direction (c2s/s2c), length, msg_type, msg_name, transaction_id (6 hex digits; for relay
  messages hop_count/link_address/peer_address instead), option_codes (top-level codes in wire
  order), and -- only when the option is present in the message --
  client_id / server_id (hex), ia_na / ia_ta / ia_pd (list, one entry per IA option in wire order:
  iaid, t1, t2, option_codes, addresses [address, preferred, valid, status_codes] or prefixes
  [prefix, prefix_length, preferred, valid, status_codes], status_codes), status_codes (top-level),
  dns_servers, domain_list, plus the other decoded options seen (oro, elapsed_time, preference,
  rapid_commit, reconfigure_accept, sntp_servers, sip_server_addresses, sip_server_domains,
  ntp_server, aftr_name, information_refresh_time, vendor_opts, vendor_class, user_class, fqdn, ...),
  and "malformed" (list of problems) only if the dissector found any.
Status codes are {code, name, message}. Domain names are written without the trailing dot.
Addresses are in RFC 5952 text form (Python's ipaddress), e.g. "2001:db8:ffff::100".
"""
import ipaddress
import json
import os
import re
import struct
import sys

MSG_NAMES = {
    1: "solicit", 2: "advertise", 3: "request", 4: "confirm", 5: "renew", 6: "rebind",
    7: "reply", 8: "release", 9: "decline", 10: "reconfigure", 11: "information-request",
    12: "relay-forw", 13: "relay-repl",
}

OPT_NAMES = {
    1: "CLIENTID", 2: "SERVERID", 3: "IA_NA", 4: "IA_TA", 5: "IAADDR", 6: "ORO", 7: "PREFERENCE",
    8: "ELAPSED_TIME", 9: "RELAY_MSG", 11: "AUTH", 12: "UNICAST", 13: "STATUS_CODE",
    14: "RAPID_COMMIT", 15: "USER_CLASS", 16: "VENDOR_CLASS", 17: "VENDOR_OPTS", 18: "INTERFACE_ID",
    19: "RECONF_MSG", 20: "RECONF_ACCEPT", 21: "SIP_SERVER_D", 22: "SIP_SERVER_A",
    23: "DNS_SERVERS", 24: "DOMAIN_LIST", 25: "IA_PD", 26: "IAPREFIX", 27: "NIS_SERVERS",
    28: "NISP_SERVERS", 29: "NIS_DOMAIN_NAME", 30: "NISP_DOMAIN_NAME", 31: "SNTP_SERVERS",
    32: "INFORMATION_REFRESH_TIME", 33: "BCMCS_SERVER_D", 34: "BCMCS_SERVER_A", 37: "REMOTE_ID",
    38: "SUBSCRIBER_ID", 39: "CLIENT_FQDN", 41: "NEW_POSIX_TIMEZONE", 42: "NEW_TZDB_TIMEZONE",
    43: "ERO", 56: "NTP_SERVER", 64: "AFTR_NAME", 67: "PD_EXCLUDE", 79: "CLIENT_LINKLAYER_ADDR",
    82: "SOL_MAX_RT", 83: "INF_MAX_RT", 94: "S46_CONT_MAPE", 95: "S46_CONT_MAPT", 96: "S46_CONT_LW",
}

STATUS_NAMES = {
    0: "Success", 1: "UnspecFail", 2: "NoAddrsAvail", 3: "NoBinding", 4: "NotOnLink",
    5: "UseMulticast", 6: "NoPrefixAvail",
}

DUID_TYPES = {1: "LLT", 2: "EN", 3: "LL", 4: "UUID"}


class Malformed(Exception):
    pass


def opt_name(code):
    return OPT_NAMES.get(code, "OPTION_%d" % code)


def ip6(b):
    if len(b) != 16:
        raise Malformed("address of length %d" % len(b))
    return str(ipaddress.IPv6Address(b))


def addr_list(data):
    if len(data) % 16:
        raise Malformed("length %d is not a multiple of 16" % len(data))
    return [ip6(data[i:i + 16]) for i in range(0, len(data), 16)]


def domain_list(data):
    """RFC 1035 wire-format names, no compression, returned without the trailing dot
    ("example.com"; the root name is "."). A name without the final zero label (a partial name,
    RFC 4704) is kept, marked with a trailing ' (partial)'."""
    names, labels, i = [], [], 0
    while i < len(data):
        n = data[i]
        i += 1
        if n == 0:
            names.append(".".join(labels) if labels else ".")
            labels = []
            continue
        if n >= 0xC0:
            raise Malformed("compression pointer in domain name")
        if n > 63 or i + n > len(data):
            raise Malformed("bad label length %d at offset %d" % (n, i - 1))
        labels.append(data[i:i + n].decode("ascii", "backslashreplace"))
        i += n
    if labels:
        names.append(".".join(labels) + " (partial)")
    return names


def duid(data):
    d = {"hex": data.hex()}
    if len(data) < 2:
        raise Malformed("DUID shorter than 2 bytes")
    t = struct.unpack("!H", data[:2])[0]
    d["type"] = DUID_TYPES.get(t, t)
    if t == 1 and len(data) >= 8:
        hw, tm = struct.unpack("!HI", data[2:8])
        d.update(hw_type=hw, time=tm, link_layer_address=data[8:].hex(":"))
    elif t == 2 and len(data) >= 6:
        d.update(enterprise=struct.unpack("!I", data[2:6])[0], identifier=data[6:].hex())
    elif t == 3 and len(data) >= 4:
        d.update(hw_type=struct.unpack("!H", data[2:4])[0], link_layer_address=data[4:].hex(":"))
    elif t == 4:
        d.update(uuid=data[2:].hex())
    return d


def status(data):
    if len(data) < 2:
        raise Malformed("status code shorter than 2 bytes")
    code = struct.unpack("!H", data[:2])[0]
    s = {"code": code, "name": STATUS_NAMES.get(code, "Status%d" % code)}
    raw = data[2:]
    try:
        s["message"] = raw.decode("utf-8")
    except UnicodeDecodeError:
        s["message"] = raw.decode("utf-8", "replace")
        s["message_hex"] = raw.hex()
    return s


def u8(data):
    if len(data) != 1:
        raise Malformed("expected 1 byte, got %d" % len(data))
    return data[0]


def u16(data):
    if len(data) != 2:
        raise Malformed("expected 2 bytes, got %d" % len(data))
    return struct.unpack("!H", data)[0]


def u32(data):
    if len(data) != 4:
        raise Malformed("expected 4 bytes, got %d" % len(data))
    return struct.unpack("!I", data)[0]


def flag(data):
    if data:
        raise Malformed("flag option with %d bytes of data" % len(data))
    return True


def opaque_list(data):
    out, i = [], 0
    while i < len(data):
        if i + 2 > len(data):
            raise Malformed("truncated length at %d" % i)
        n = struct.unpack("!H", data[i:i + 2])[0]
        if i + 2 + n > len(data):
            raise Malformed("opaque item of %d bytes overruns the option" % n)
        out.append(data[i + 2:i + 2 + n].hex())
        i += 2 + n
    return out


def ia(data, with_times=True):
    need = 12 if with_times else 4
    if len(data) < need:
        raise Malformed("IA shorter than %d bytes" % need)
    v = {"iaid": struct.unpack("!I", data[:4])[0]}
    if with_times:
        v["t1"], v["t2"] = struct.unpack("!II", data[4:12])
    v["options"] = parse_options(data, need, len(data))
    return v


def iaaddr(data):
    if len(data) < 24:
        raise Malformed("IAADDR shorter than 24 bytes")
    pref, valid = struct.unpack("!II", data[16:24])
    return {"address": ip6(data[:16]), "preferred": pref, "valid": valid,
            "options": parse_options(data, 24, len(data))}


def iaprefix(data):
    if len(data) < 25:
        raise Malformed("IAPREFIX shorter than 25 bytes")
    pref, valid, plen = struct.unpack("!IIB", data[:9])
    return {"prefix": ip6(data[9:25]), "prefix_length": plen, "preferred": pref, "valid": valid,
            "options": parse_options(data, 25, len(data))}


def oro(data):
    if len(data) % 2:
        raise Malformed("odd ORO length %d" % len(data))
    return [struct.unpack("!H", data[i:i + 2])[0] for i in range(0, len(data), 2)]


def vendor_opts(data):
    if len(data) < 4:
        raise Malformed("vendor option shorter than 4 bytes")
    ent = struct.unpack("!I", data[:4])[0]
    subs, i = [], 4
    while i < len(data):
        if i + 4 > len(data):
            raise Malformed("truncated vendor sub-option header at %d" % i)
        c, n = struct.unpack("!HH", data[i:i + 4])
        if i + 4 + n > len(data):
            raise Malformed("vendor sub-option %d of %d bytes overruns the option" % (c, n))
        sd = data[i + 4:i + 4 + n]
        sub = {"code": c, "hex": sd.hex()}
        if sd and all(32 <= b < 127 for b in sd):
            sub["text"] = sd.decode("ascii")
        subs.append(sub)
        i += 4 + n
    return {"enterprise": ent, "suboptions": subs}


def vendor_class(data):
    if len(data) < 4:
        raise Malformed("vendor class shorter than 4 bytes")
    return {"enterprise": struct.unpack("!I", data[:4])[0], "data": opaque_list(data[4:])}


def ntp_server(data):
    subs, i = [], 0
    while i < len(data):
        if i + 4 > len(data):
            raise Malformed("truncated NTP sub-option header at %d" % i)
        c, n = struct.unpack("!HH", data[i:i + 4])
        sd = data[i + 4:i + 4 + n]
        if len(sd) != n:
            raise Malformed("NTP sub-option %d overruns the option" % c)
        if c in (1, 2):
            subs.append({"suboption": {1: "SRV_ADDR", 2: "MC_ADDR"}[c], "value": ip6(sd)})
        elif c == 3:
            subs.append({"suboption": "SRV_FQDN", "value": domain_list(sd)})
        else:
            subs.append({"suboption": c, "hex": sd.hex()})
        i += 4 + n
    return subs


def auth(data):
    if len(data) < 11:
        raise Malformed("AUTH shorter than 11 bytes")
    return {"protocol": data[0], "algorithm": data[1], "rdm": data[2], "replay_detection": data[3:11].hex(),
            "info": data[11:].hex()}


def fqdn(data):
    if not data:
        raise Malformed("empty FQDN")
    return {"flags": data[0], "name": domain_list(data[1:])}


def text(data):
    return data.decode("utf-8", "replace")


def relay_msg(data):
    return parse_message(data)


DECODERS = {
    1: duid, 2: duid, 3: ia, 4: lambda d: ia(d, with_times=False), 5: iaaddr, 6: oro, 7: u8,
    8: u16, 9: relay_msg, 11: auth, 12: ip6, 13: status, 14: flag, 15: opaque_list, 16: vendor_class,
    17: vendor_opts, 18: lambda d: d.hex(), 19: u8, 20: flag, 21: domain_list, 22: addr_list,
    23: addr_list, 24: domain_list, 25: ia, 26: iaprefix, 27: addr_list, 28: addr_list,
    29: domain_list, 30: domain_list, 31: addr_list, 32: u32, 33: domain_list, 34: addr_list,
    39: fqdn, 41: text, 42: text, 43: oro, 56: ntp_server, 64: domain_list, 82: u32, 83: u32,
}


def parse_options(data, start, end):
    opts, i = [], start
    while i < end:
        if i + 4 > end:
            opts.append({"code": None, "error": "%d trailing byte(s) after the last option" % (end - i),
                         "hex": data[i:end].hex()})
            break
        code, n = struct.unpack("!HH", data[i:i + 4])
        o = {"code": code, "name": opt_name(code), "length": n}
        if i + 4 + n > end:
            o["error"] = "option length %d overruns the enclosing data by %d byte(s)" % (n, i + 4 + n - end)
            o["hex"] = data[i + 4:end].hex()
            opts.append(o)
            break
        body = data[i + 4:i + 4 + n]
        dec = DECODERS.get(code)
        if dec is None:
            o["hex"] = body.hex()
        else:
            try:
                o["value"] = dec(body)
            except (Malformed, ValueError) as e:
                o["error"] = str(e)
                o["hex"] = body.hex()
        opts.append(o)
        i += 4 + n
    return opts


def parse_message(data):
    if not data:
        raise Malformed("empty message")
    t = data[0]
    m = {"msg_type": t, "msg_name": MSG_NAMES.get(t, "type%d" % t), "length": len(data)}
    if t in (12, 13):
        if len(data) < 34:
            raise Malformed("relay message shorter than 34 bytes")
        m.update(hop_count=data[1], link_address=ip6(data[2:18]), peer_address=ip6(data[18:34]))
        m["options"] = parse_options(data, 34, len(data))
    else:
        if len(data) < 4:
            raise Malformed("message shorter than 4 bytes")
        m["transaction_id"] = data[1:4].hex()
        m["options"] = parse_options(data, 4, len(data))
    return m


# ------------------------------------------------------------------------------------------------
# expected.json
# ------------------------------------------------------------------------------------------------
LIST_KEYS = {22: "sip_server_addresses", 23: "dns_servers", 27: "nis_servers", 28: "nisp_servers",
             31: "sntp_servers", 34: "bcmcs_server_addresses", 21: "sip_server_domains",
             24: "domain_list", 33: "bcmcs_server_domains"}
SINGLE_NAME_KEYS = {29: "nis_domain_name", 30: "nisp_domain_name", 64: "aftr_name"}
SCALAR_KEYS = {6: "oro", 7: "preference", 8: "elapsed_time", 12: "unicast", 14: "rapid_commit",
               19: "reconfigure_msg", 20: "reconfigure_accept", 32: "information_refresh_time",
               41: "posix_timezone", 42: "tzdb_timezone", 43: "ero", 56: "ntp_server", 82: "sol_max_rt",
               83: "inf_max_rt", 11: "auth", 15: "user_class", 16: "vendor_class", 18: "interface_id",
               39: "fqdn"}


def statuses(options):
    return [o["value"] for o in options if o["code"] == 13 and "value" in o]


def errors_of(options, path=""):
    errs = []
    for o in options:
        p = "%s/%s" % (path, o.get("name") or "trailing")
        if "error" in o:
            errs.append("%s: %s" % (p, o["error"]))
        v = o.get("value")
        if isinstance(v, dict) and "options" in v:
            errs += errors_of(v["options"], p)
    return errs


def expected_of(msg):
    e = {"msg_type": msg["msg_type"], "msg_name": msg["msg_name"]}
    if "transaction_id" in msg:
        e["transaction_id"] = msg["transaction_id"]
    else:
        e.update(hop_count=msg["hop_count"], link_address=msg["link_address"], peer_address=msg["peer_address"])
    opts = msg["options"]
    e["option_codes"] = [o["code"] for o in opts]
    for o in opts:
        c, v = o["code"], o.get("value")
        if v is None and c != 14 and c != 20:
            continue
        if c == 1:
            e["client_id"] = v["hex"]
        elif c == 2:
            e["server_id"] = v["hex"]
        elif c in (3, 4, 25):
            key = {3: "ia_na", 4: "ia_ta", 25: "ia_pd"}[c]
            x = {"iaid": v["iaid"]}
            if c != 4:
                x["t1"], x["t2"] = v["t1"], v["t2"]
            x["option_codes"] = [s["code"] for s in v["options"]]
            if c == 25:
                x["prefixes"] = [dict(prefix=s["value"]["prefix"], prefix_length=s["value"]["prefix_length"],
                                      preferred=s["value"]["preferred"], valid=s["value"]["valid"],
                                      status_codes=statuses(s["value"]["options"]))
                                 for s in v["options"] if s["code"] == 26 and "value" in s]
            else:
                x["addresses"] = [dict(address=s["value"]["address"], preferred=s["value"]["preferred"],
                                       valid=s["value"]["valid"], status_codes=statuses(s["value"]["options"]))
                                  for s in v["options"] if s["code"] == 5 and "value" in s]
            x["status_codes"] = statuses(v["options"])
            e.setdefault(key, []).append(x)
        elif c == 13:
            e.setdefault("status_codes", []).append(v)
        elif c in LIST_KEYS:
            e[LIST_KEYS[c]] = v
        elif c in SINGLE_NAME_KEYS:
            e[SINGLE_NAME_KEYS[c]] = v[0] if len(v) == 1 else v
        elif c in SCALAR_KEYS:
            e[SCALAR_KEYS[c]] = v
        elif c == 17:
            e.setdefault("vendor_opts", []).append(v)
        elif c == 9:
            e["relay_message"] = expected_of(v)
    errs = errors_of(opts)
    if errs:
        e["malformed"] = errs
    return e


def bin_files(directory):
    return sorted(f for f in os.listdir(directory) if re.match(r"^\d{2,3}-.*\.bin$", f))


def write_expected(directory):
    msgs = []
    for f in bin_files(directory):
        with open(os.path.join(directory, f), "rb") as fh:
            data = fh.read()
        e = {"file": f, "direction": f.rsplit("-", 1)[1][:-4], "length": len(data)}
        e.update(expected_of(parse_message(data)))
        msgs.append(e)
    out = {"directory": os.path.basename(os.path.abspath(directory)), "pcap": "capture.pcap", "messages": msgs}
    with open(os.path.join(directory, "expected.json"), "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print("%s/expected.json: %d messages" % (directory, len(msgs)))


# ------------------------------------------------------------------------------------------------
# human-readable output
# ------------------------------------------------------------------------------------------------
def fmt_value(code, v):
    if code in (1, 2):
        extra = ", ".join("%s=%s" % (k, v[k]) for k in v if k not in ("hex",))
        return "%s (%s)" % (v["hex"], extra)
    if code == 6 or code == 43:
        return ", ".join("%d %s" % (c, opt_name(c)) for c in v)
    if code == 13:
        return "%d %s %r" % (v["code"], v["name"], v["message"])
    if code == 8:
        return "%d (1/100 s)" % v
    if isinstance(v, list):
        return ", ".join(json.dumps(x) if isinstance(x, dict) else str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v)
    return str(v)


def print_options(opts, indent):
    pad = "  " * indent
    for o in opts:
        if o["code"] is None:
            print("%sERROR: %s (%s)" % (pad, o["error"], o["hex"]))
            continue
        head = "%s%s (%d) len %d" % (pad, o["name"], o["code"], o["length"])
        if "error" in o:
            print("%s  MALFORMED: %s  hex=%s" % (head, o["error"], o["hex"]))
            continue
        v = o.get("value")
        if o["code"] in (3, 4, 25):
            t = "" if o["code"] == 4 else " T1=%d T2=%d" % (v["t1"], v["t2"])
            print("%s: IAID=%d (0x%08x)%s" % (head, v["iaid"], v["iaid"], t))
            print_options(v["options"], indent + 1)
        elif o["code"] == 5:
            print("%s: %s preferred=%d valid=%d" % (head, v["address"], v["preferred"], v["valid"]))
            print_options(v["options"], indent + 1)
        elif o["code"] == 26:
            print("%s: %s/%d preferred=%d valid=%d" % (head, v["prefix"], v["prefix_length"], v["preferred"],
                                                     v["valid"]))
            print_options(v["options"], indent + 1)
        elif o["code"] == 9:
            print("%s:" % head)
            print_message(v, indent + 1)
        elif o["code"] == 17:
            print("%s: enterprise %d" % (head, v["enterprise"]))
            for s in v["suboptions"]:
                print("%s  sub-option %d len %d: %s%s" % (pad, s["code"], len(s["hex"]) // 2, s["hex"],
                                                       " %r" % s["text"] if "text" in s else ""))
        elif v is None and "hex" in o:
            print("%s: %s" % (head, o["hex"] or "(empty)"))
        else:
            print("%s: %s" % (head, fmt_value(o["code"], v)))


def print_message(m, indent=0):
    pad = "  " * indent
    if "transaction_id" in m:
        print("%s%s (%d), transaction-id 0x%s, %d bytes" % (pad, m["msg_name"].upper(), m["msg_type"],
                                                         m["transaction_id"], m["length"]))
    else:
        print("%s%s (%d), hop-count %d, link %s, peer %s, %d bytes" % (
            pad, m["msg_name"].upper(), m["msg_type"], m["hop_count"], m["link_address"], m["peer_address"],
            m["length"]))
    print_options(m["options"], indent + 1)


# ------------------------------------------------------------------------------------------------
# one-line summaries (README)
# ------------------------------------------------------------------------------------------------
def summarize_ia(x, kind):
    parts = []
    for a in x.get("addresses", []):
        parts.append("IAADDR %s %d/%d%s" % (a["address"], a["preferred"], a["valid"], "".join(
            " [%s]" % s["name"] for s in a["status_codes"])))
    for p in x.get("prefixes", []):
        parts.append("IAPREFIX %s/%d %d/%d%s" % (p["prefix"], p["prefix_length"], p["preferred"], p["valid"],
                                                 "".join(" [%s]" % s["name"] for s in p["status_codes"])))
    for s in x["status_codes"]:
        parts.append("STATUS %s %r" % (s["name"], s["message"]))
    t = "" if kind == "IA_TA" else ",T1=%d,T2=%d" % (x["t1"], x["t2"])
    return "%s(iaid=%d%s) %s" % (kind, x["iaid"], t, ", ".join(parts) or "empty")


def summarize(directory):
    with open(os.path.join(directory, "expected.json")) as fh:
        exp = json.load(fh)
    msgs = exp["messages"]
    types = []
    for m in msgs:
        if m["msg_name"] not in types:
            types.append(m["msg_name"])
    lines = ["types: " + ", ".join(types)]
    # the first server message that carries the most interesting content
    best = None
    for m in msgs:
        if m["direction"] == "s2c" and (best is None or len(m["option_codes"]) > len(best["option_codes"])):
            best = m
    if best:
        p = []
        for k, kind in (("ia_na", "IA_NA"), ("ia_ta", "IA_TA"), ("ia_pd", "IA_PD")):
            for x in best.get(k, []):
                p.append(summarize_ia(x, kind))
        for k, label in (("dns_servers", "DNS"), ("domain_list", "DOMAIN_LIST"), ("sntp_servers", "SNTP"),
                         ("sip_server_addresses", "SIP_A"), ("sip_server_domains", "SIP_D"),
                         ("aftr_name", "AFTR_NAME"), ("information_refresh_time", "IRT"),
                         ("preference", "PREFERENCE"),
                         ("unicast", "UNICAST")):
            if k in best:
                v = best[k]
                p.append("%s %s" % (label, " ".join(map(str, v)) if isinstance(v, list) else v))
        if "ntp_server" in best:
            p.append("NTP_SERVER " + " ".join("%s=%s" % (s["suboption"], s.get("value", s.get("hex")))
                                              for s in best["ntp_server"]))
        for v in best.get("vendor_opts", []):
            p.append("VENDOR_OPTS(%d: %s)" % (v["enterprise"], ", ".join(
                "%d=%r" % (s["code"], s.get("text", s["hex"])) for s in v["suboptions"])))
        for s in best.get("status_codes", []):
            p.append("STATUS %s %r" % (s["name"], s["message"]))
        if "rapid_commit" in best:
            p.append("RAPID_COMMIT")
        lines.append("%s %s: %s" % (best["file"], best["msg_name"].capitalize(), "; ".join(p)))
    # status codes anywhere
    seen = []
    for m in msgs:
        for s in m.get("status_codes", []):
            seen.append("%s top-level %s %r" % (m["file"], s["name"], s["message"]))
        for k in ("ia_na", "ia_ta", "ia_pd"):
            for x in m.get(k, []):
                for s in x["status_codes"]:
                    seen.append("%s %s %s %r" % (m["file"], k.upper(), s["name"], s["message"]))
                for a in x.get("addresses", []) + x.get("prefixes", []):
                    for s in a["status_codes"]:
                        seen.append("%s %s/%s %s %r" % (m["file"], k.upper(),
                                                        "IAADDR" if "address" in a else "IAPREFIX", s["name"],
                                                        s["message"]))
    if seen:
        lines.append("status codes: " + "; ".join(seen))
    for m in msgs:
        for err in m.get("malformed", []):
            lines.append("MALFORMED %s: %s" % (m["file"], err))
    codes_c = sorted({c for m in msgs if m["direction"] == "c2s" for c in m["option_codes"]})
    codes_s = sorted({c for m in msgs if m["direction"] == "s2c" for c in m["option_codes"]})
    lines.append("option codes c2s: %s; s2c: %s" % (codes_c, codes_s))
    print("%s\n  %s" % (exp["directory"], "\n  ".join(lines)))


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "--expected":
        for d in argv[1:]:
            write_expected(d)
        return 0
    if argv[0] == "--summary":
        for d in argv[1:]:
            summarize(d)
        return 0
    if argv[0] == "--json":
        for f in argv[1:]:
            with open(f, "rb") as fh:
                print(json.dumps(parse_message(fh.read()), indent=1))
        return 0
    for f in argv:
        with open(f, "rb") as fh:
            data = fh.read()
        print("== %s" % f)
        print_message(parse_message(data))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
