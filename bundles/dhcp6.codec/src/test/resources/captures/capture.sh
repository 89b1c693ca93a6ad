#!/bin/bash
# capture.sh - capture real DHCPv6 exchanges between real servers and real clients in network
# namespaces, as test vectors for prefixd's DHCPv6 codec (bundles/dhcp6.codec).
#
# WHAT IT NEEDS
#   * root (network namespaces, veth, bind mounts), Linux with IPv6, iproute2, tcpdump, python3
#   * Debian 12 packages (the versions the captures were made with):
#       kea-dhcp6-server 2.2.0-6      isc-dhcp-server 4.4.3-P1-2   wide-dhcpv6-server 20080615-23
#       dnsmasq-base 2.90-4~deb12u2   dhcpcd-base 9.4.1-24~deb12u5 isc-dhcp-client 4.4.3-P1-2
#       wide-dhcpv6-client 20080615-23                              tcpdump 4.99.3-1
#     apt-get install kea-dhcp6-server isc-dhcp-server wide-dhcpv6-server wide-dhcpv6-client \
#                     dnsmasq-base dhcpcd-base isc-dhcp-client tcpdump
#     (the packaged system services are NOT used; every daemon runs in the foreground here)
#
# WHAT IT DOES
#   For every combination (run all:  ./capture.sh ; run some:  ./capture.sh kea-dhcpcd dhcpd-dhclient ;
#   list them:  ./capture.sh --list) it
#     1. deletes the namespaces pfxcap-isp / pfxcap-rtr if a previous run left them, and the
#        combination's output directory,
#     2. creates them, joined by a veth isp0 (pfxcap-isp, 2001:db8:ffff::1/64, MAC 02:00:00:00:ff:01)
#        <-> wan0 (pfxcap-rtr, MAC 02:00:00:00:00:01, so the client DUID-LL is
#        00:03:00:01:02:00:00:00:00:01 for every client); accept_dad=0 on both; the router namespace
#        also gets a veth lan0 <-> lanhost0 that the delegated prefix is assigned to,
#     3. writes the server and client configuration into the output directory,
#     4. runs tcpdump on isp0 ('udp port 546 or udp port 547', -U -w <dir>/capture.pcap),
#     5. starts the server in pfxcap-isp and the client in pfxcap-rtr and drives them through
#        Solicit/Advertise/Request/Reply, Renew (T1 = 10 s), Rebind (the server is stopped after the
#        first Renew and started again once the second Renew was seen, so only the Rebind at T2 = 16 s
#        is answered), a restart of the client (Confirm or Rebind from a saved lease) and Release,
#        as far as the pair supports it; special scenarios: Decline (kea-dhclient-decline: the pool's
#        only address is also on isp0 and wan0 runs DAD), NoBinding (dhcp6s-dhcp6c: dhcp6ctl removes
#        the binding), NoAddrsAvail (dhcp6s-dhcp6c-noaddrs, kea-dhclient-decline),
#        Information-Request (*-stateless). See the scenario_* and combo_* functions below,
#     6. stops everything it started (by pid), deletes the namespaces, and runs
#        extract.py (pcap -> NN-<msgtype>-<direction>.bin) and describe.py --expected
#        (-> expected.json) on the directory.
#   Daemon state (lease files, DUID files, pid files, logs) lives under $WORK
#   (default /tmp/prefixd-dhcp6-capture); clients that insist on fixed paths (dhcpcd, dhcp6c, dhcp6s)
#   get private bind mounts there, so nothing on the host outside $WORK is written.
#   Logs of the last run of a combination: $WORK/<combination>/*.log
#
# HOW LONG IT TAKES
#   5-70 s per combination (dnsmasq cannot lease for less than 2 minutes, so its Renew comes only
#   after 60 s; dhcp6c raises T2 to at least 30 s); about 10 minutes for all 20 of them.
#   Packet timing depends on the daemons' retransmission jitter, so transaction ids, and rarely the
#   number of retransmissions, differ from run to run; expected.json is regenerated with the .bin files.
#
# Re-running is idempotent: the namespaces and the output directories of the combinations that are
# re-run are deleted first. Nothing is committed anywhere.

set -u
export LC_ALL=C

HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${WORK:-/tmp/prefixd-dhcp6-capture}
NS_ISP=pfxcap-isp
NS_RTR=pfxcap-rtr
MAC_ISP=02:00:00:00:ff:01
MAC_WAN=02:00:00:00:00:01
CLIENT_DUID=00:03:00:01:02:00:00:00:00:01     # DUID-LL of MAC_WAN
SERVER_DUID_LL=00:03:00:01:02:00:00:00:ff:01  # DUID-LL of MAC_ISP (dhcp6s, dhcpd)
# lease timers used everywhere a server allows them: T1 10 s, T2 16 s, preferred 20 s, valid 30 s
# (dhcp6c raises T2 below 30 s to 30 s and T1 to 5/8 of it, so its combinations use preferred 40 s,
# valid 60 s, to keep the lease alive until its Rebind)
T1=10 T2=16 PREF=20 VALID=30
UNANSWERED_RENEWS=1

PIDS=()        # processes started by this script (daemons), killed by pid in stop_all
SERVER_PID=""  CLIENT_PID="" TCPDUMP_PID=""
SERVER_START="" CLIENT_START=""   # functions that (re)start the current server / client
CLIENT_RELEASE=""                 # function that makes the current client send Release and stop

log() { echo "[$(date +%T)] ${COMBO:-}: $*" >&2; }

# ------------------------------------------------------------------------------------------------
# lab
# ------------------------------------------------------------------------------------------------
lab_down() {
    local ns
    for ns in $NS_ISP $NS_RTR; do
        if ip netns list | grep -qw "^$ns"; then
            # processes still in a namespace we created (only ours can be there)
            local p
            for p in $(ip netns pids $ns 2>/dev/null); do kill -TERM "$p" 2>/dev/null; done
            sleep 0.3
            for p in $(ip netns pids $ns 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done
            ip netns del $ns
        fi
    done
}

lab_up() {
    lab_down
    ip netns add $NS_ISP
    ip netns add $NS_RTR
    local ns
    for ns in $NS_ISP $NS_RTR; do
        ip netns exec $ns sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
        ip -n $ns link set lo up
    done
    ip link add isp0 netns $NS_ISP address $MAC_ISP type veth peer name wan0 netns $NS_RTR address $MAC_WAN
    ip -n $NS_RTR link add lan0 type veth peer name lanhost0
    ip netns exec $NS_ISP sysctl -qw net.ipv6.conf.isp0.accept_dad=0
    ip netns exec $NS_RTR sysctl -qw net.ipv6.conf.wan0.accept_dad=0 net.ipv6.conf.lan0.accept_dad=0 \
        net.ipv6.conf.lanhost0.accept_dad=0
    ip -n $NS_ISP addr add 2001:db8:ffff::1/64 dev isp0 nodad
    ip -n $NS_ISP link set isp0 up
    ip -n $NS_RTR link set wan0 up
    ip -n $NS_RTR link set lan0 up
    ip -n $NS_RTR link set lanhost0 up
    # wait for the link-local addresses (no DAD, but the link must come up)
    for _ in $(seq 50); do
        if ip -n $NS_RTR -6 addr show dev wan0 scope link | grep -q inet6 &&
           ip -n $NS_ISP -6 addr show dev isp0 scope link | grep -q inet6 &&
           [ -z "$(ip -n $NS_RTR -6 addr show tentative)" ] && [ -z "$(ip -n $NS_ISP -6 addr show tentative)" ]; then
            return 0
        fi
        sleep 0.1
    done
    log "WARNING: link-local addresses not ready"
}

# run a command in a namespace in the background; $1 = ns, $2 = log file; pid -> BG_PID (and PIDS).
# ip netns exec, env, unshare and "sh -c '... exec prog'" all exec, so the pid is the daemon's own.
bg_in() {
    local ns=$1 logf=$2
    shift 2
    ip netns exec "$ns" "$@" >>"$logf" 2>&1 &
    BG_PID=$!
    PIDS+=("$BG_PID")
}

stop_pid() {  # stop_pid PID [SIGNAL] - signal a process we started and wait up to 5 s for it
    local pid=$1 sig=${2:-TERM}
    [ -n "$pid" ] || return 0
    kill -"$sig" "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
}

stop_all() {
    local p
    for p in "${PIDS[@]}"; do stop_pid "$p" TERM; done
    PIDS=()
    SERVER_PID="" CLIENT_PID="" TCPDUMP_PID=""
}

start_tcpdump() {
    : >"$RUN/tcpdump.log"
    bg_in $NS_ISP "$RUN/tcpdump.log" tcpdump -U -n -i isp0 -s 0 -w "$OUT/capture.pcap" \
        'udp port 546 or udp port 547'
    TCPDUMP_PID=$BG_PID
    for _ in $(seq 50); do grep -q "listening on" "$RUN/tcpdump.log" && break; sleep 0.1; done
}

stop_tcpdump() {
    sleep 0.5
    stop_pid "$TCPDUMP_PID" INT
    TCPDUMP_PID=""
}

# ------------------------------------------------------------------------------------------------
# waiting for packets in the capture (extract.py --count reads the pcap written with -U)
# ------------------------------------------------------------------------------------------------
count() {  # count MSGTYPE
    python3 "$HERE/extract.py" --count "$OUT/capture.pcap" | awk -v t="$1" '$1 == t { n = $2 } END { print n + 0 }'
}

wait_count() {  # wait_count MSGTYPE MIN TIMEOUT_SECONDS
    local t=$1 min=$2 timeout=$3 start=$SECONDS
    while [ $((SECONDS - start)) -lt "$timeout" ]; do
        [ "$(count "$t")" -ge "$min" ] && return 0
        sleep 0.3
    done
    log "timeout after ${timeout}s waiting for $min x $t (have $(count "$t"))"
    return 1
}

wait_more() {  # wait_more MSGTYPE TIMEOUT - wait until one more MSGTYPE than now was captured
    wait_count "$1" $(( $(count "$1") + 1 )) "$2"
}

# ------------------------------------------------------------------------------------------------
# servers (state in $RUN, configuration in $OUT)
# ------------------------------------------------------------------------------------------------
wait_log() {  # wait_log FILE REGEX TIMEOUT
    for _ in $(seq $(( $3 * 10 ))); do grep -qE "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
    log "timeout waiting for /$2/ in $1"
    return 1
}

# --- Kea 2.2 ---------------------------------------------------------------------------------
# kea_config RAPID(true|false) [POOL_LAST]
kea_config() {
    local rapid=$1 pool_last=${2:-2001:db8:ffff::1ff}
    cat >"$OUT/kea-dhcp6.json" <<EOF
{
  "Dhcp6": {
    "interfaces-config": { "interfaces": [ "isp0" ] },
    "server-id": { "type": "EN", "enterprise-id": 2495, "identifier": "0102030405", "persist": false },
    "lease-database": { "type": "memfile", "persist": true, "name": "$RUN/kea-leases6.csv", "lfc-interval": 0 },
    "renew-timer": $T1, "rebind-timer": $T2, "preferred-lifetime": $PREF, "valid-lifetime": $VALID,
    "option-def": [
      { "name": "prefixd-test-string", "code": 1, "space": "vendor-32473", "type": "string" }
    ],
    "option-data": [
      { "name": "dns-servers", "data": "2001:db8:ffff::53, 2001:db8:ffff::54", "always-send": true },
      { "name": "domain-search", "data": "example.com, isp.example.net", "always-send": true },
      { "name": "sntp-servers", "data": "2001:db8:ffff::123", "always-send": true },
      { "name": "sip-server-addr", "data": "2001:db8:ffff::5060", "always-send": true },
      { "name": "sip-server-dns", "data": "sip.example.net", "always-send": true },
      { "name": "aftr-name", "data": "aftr.example.net", "always-send": true },
      { "name": "information-refresh-time", "data": "600" },
      { "name": "vendor-opts", "data": "32473", "always-send": true },
      { "name": "prefixd-test-string", "space": "vendor-32473", "data": "hello prefixd", "always-send": true }
    ],
    "subnet6": [
      {
        "id": 1, "subnet": "2001:db8:ffff::/64", "interface": "isp0", "rapid-commit": $rapid,
        "pools": [ { "pool": "2001:db8:ffff::100-$pool_last" } ],
        "pd-pools": [ { "prefix": "2001:db8:100::", "prefix-len": 40, "delegated-len": 56 } ]
      }
    ],
    "loggers": [ { "name": "kea-dhcp6", "severity": "INFO",
                   "output_options": [ { "output": "stdout" } ] } ]
  }
}
EOF
}

start_kea() {
    local logf="$RUN/server.log"
    echo "=== start $(date +%T)" >>"$logf"
    local n0
    n0=$(grep -c DHCP6_STARTED "$logf" 2>/dev/null)
    bg_in $NS_ISP "$logf" env KEA_PIDFILE_DIR="$RUN" KEA_LOCKFILE_DIR="$RUN" KEA_LOG_FILE_DIR="$RUN" \
        kea-dhcp6 -c "$OUT/kea-dhcp6.json"
    SERVER_PID=$BG_PID
    for _ in $(seq 50); do [ "$(grep -c DHCP6_STARTED "$logf")" -gt "$n0" ] && break; sleep 0.1; done
    sleep 0.3
}

# --- ISC dhcpd -6 ------------------------------------------------------------------------------
dhcpd_config() {
    cat >"$OUT/dhcpd6.conf" <<EOF
# ISC dhcpd 4.4.3-P1, started as: dhcpd -6 -f -d -cf dhcpd6.conf -lf LEASES -pf PID isp0
server-duid LL ethernet $MAC_ISP;
preferred-lifetime $PREF;
default-lease-time $VALID;
max-lease-time $VALID;
option dhcp-renewal-time $T1;
option dhcp-rebinding-time $T2;
option dhcp6.name-servers 2001:db8:ffff::53, 2001:db8:ffff::54;
option dhcp6.domain-search "example.com", "isp.example.net";
option dhcp6.sntp-servers 2001:db8:ffff::123;
option dhcp6.sip-servers-addresses 2001:db8:ffff::5060;
option dhcp6.sip-servers-names "sip.example.net";
option dhcp6.info-refresh-time 600;
option dhcp6.preference 200;
subnet6 2001:db8:ffff::/64 {
    range6 2001:db8:ffff::100 2001:db8:ffff::1ff;
    prefix6 2001:db8:100:: 2001:db8:1ff:: /56;
}
EOF
}

start_dhcpd() {
    local logf="$RUN/server.log"
    touch "$RUN/dhcpd6.leases"
    echo "=== start $(date +%T)" >>"$logf"
    local n0
    n0=$(grep -c "Server starting service" "$logf")
    bg_in $NS_ISP "$logf" dhcpd -6 -f -d -cf "$OUT/dhcpd6.conf" -lf "$RUN/dhcpd6.leases" \
        -pf "$RUN/dhcpd6.pid" isp0
    SERVER_PID=$BG_PID
    for _ in $(seq 50); do [ "$(grep -c "Server starting service" "$logf")" -gt "$n0" ] && break; sleep 0.1; done
    sleep 0.3
}

# --- WIDE dhcp6s -------------------------------------------------------------------------------
dhcp6s_config() {
    cat >"$OUT/dhcp6s.conf" <<EOF
# WIDE dhcp6s 20080615 (Debian -23), started as: dhcp6s -f -D -k KEYFILE -c dhcp6s.conf -P PID isp0
# server DUID (file /var/lib/dhcpv6/dhcp6s_duid, bind-mounted): $SERVER_DUID_LL
option domain-name-servers 2001:db8:ffff::53 2001:db8:ffff::54;
option domain-name "example.com";
option ntp-servers 2001:db8:ffff::123;
option sip-server-address 2001:db8:ffff::5060;
option sip-server-domain-name "sip.example.net";
option refreshtime 600;
interface isp0 {
    preference 255;
};
host rtr {
    duid $CLIENT_DUID;
    prefix 2001:db8:200::/56 $PREF $VALID;
};
EOF
}

# write a WIDE DUID file: 16-bit length in host (little-endian) order, then the DUID
write_wide_duid() {  # write_wide_duid FILE aa:bb:...
    python3 -c 'import sys,struct; d=bytes.fromhex(sys.argv[2].replace(":","")); open(sys.argv[1],"wb").write(struct.pack("<H",len(d))+d)' "$1" "$2"
}

start_dhcp6s() {
    local logf="$RUN/server.log"
    mkdir -p "$RUN/dhcpv6-server"
    [ -f "$RUN/dhcpv6-server/dhcp6s_duid" ] || write_wide_duid "$RUN/dhcpv6-server/dhcp6s_duid" "$SERVER_DUID_LL"
    echo "cHJlZml4ZC1jYXB0dXJlLWtleQ==" >"$RUN/dhcp6sctlkey"
    echo "=== start $(date +%T)" >>"$logf"
    bg_in $NS_ISP "$logf" unshare -m sh -c \
        'mount -n --bind "$0" /var/lib/dhcpv6 && exec dhcp6s -f -D -k "$1" -c "$2" -P "$3" isp0' \
        "$RUN/dhcpv6-server" "$RUN/dhcp6sctlkey" "$OUT/dhcp6s.conf" "$RUN/dhcp6s.pid"
    SERVER_PID=$BG_PID
    sleep 1
}

# --- dnsmasq -----------------------------------------------------------------------------------
# dnsmasq_config stateful|stateless
dnsmasq_config() {
    local range
    if [ "$1" = stateless ]; then
        range="dhcp-range=::,constructor:isp0,ra-stateless,64"
    else
        range="dhcp-range=2001:db8:ffff::100,2001:db8:ffff::1ff,64,2m"
    fi
    cat >"$OUT/dnsmasq.conf" <<EOF
# dnsmasq 2.90, started as: dnsmasq -d -k --conf-file=dnsmasq.conf --dhcp-leasefile=L --pid-file=P
port=0
interface=isp0
bind-interfaces
user=root
log-dhcp
$range
dhcp-duid=32473,0102030405
dhcp-option=option6:dns-server,[2001:db8:ffff::53],[2001:db8:ffff::54]
dhcp-option=option6:domain-search,example.com,isp.example.net
dhcp-option=option6:sntp-server,[2001:db8:ffff::123]
dhcp-option=option6:ntp-server,[2001:db8:ffff::123]
dhcp-option=option6:sip-server,[2001:db8:ffff::5060]
dhcp-option=option6:information-refresh-time,600
EOF
}

start_dnsmasq() {
    local logf="$RUN/server.log"
    echo "=== start $(date +%T)" >>"$logf"
    bg_in $NS_ISP "$logf" dnsmasq -d -k --conf-file="$OUT/dnsmasq.conf" \
        --dhcp-leasefile="$RUN/dnsmasq.leases" --pid-file="$RUN/dnsmasq.pid"
    SERVER_PID=$BG_PID
    sleep 1
}

stop_server() {
    stop_pid "$SERVER_PID" TERM
    SERVER_PID=""
}

# ------------------------------------------------------------------------------------------------
# clients
# ------------------------------------------------------------------------------------------------
# --- dhcpcd 9.4.1 ------------------------------------------------------------------------------
# dhcpcd_config "ia_na 1" "ia_pd 2 lan0/0/64" ... (one line each, inside "interface wan0")
dhcpcd_config() {
    {
        echo "# dhcpcd 9.4.1, started as: dhcpcd -B -d -6 -f dhcpcd.conf -c HOOK wan0"
        echo "# (private /var/lib/dhcpcd and /run per run; release = SIGALRM, stop without release = SIGTERM)"
        echo "duid $CLIENT_DUID"
        echo "ipv6only"
        echo "noipv6rs"
        echo "option dhcp6_name_servers, dhcp6_domain_search, dhcp6_sntp_servers, dhcp6_sip_servers_addresses"
        echo "option dhcp6_sip_servers_names, dhcp6_ntp_server, dhcp6_vivso"
        echo "interface wan0"
        local l
        for l in "$@"; do echo "    $l"; done
    } >"$OUT/dhcpcd.conf"
    printf '#!/bin/sh\necho "hook reason=$reason"\n' >"$RUN/dhcpcd-hook.sh"
    chmod +x "$RUN/dhcpcd-hook.sh"
}

start_dhcpcd() {
    mkdir -p "$RUN/dhcpcd-db"
    echo "=== start $(date +%T)" >>"$RUN/client.log"
    bg_in $NS_RTR "$RUN/client.log" unshare -m sh -c \
        'mount -n -t tmpfs none /run && mount -n --bind "$0" /var/lib/dhcpcd && exec dhcpcd -B -d -6 -f "$1" -c "$2" wan0' \
        "$RUN/dhcpcd-db" "$OUT/dhcpcd.conf" "$RUN/dhcpcd-hook.sh"
    CLIENT_PID=$BG_PID
}

release_dhcpcd() { stop_pid "$CLIENT_PID" ALRM; CLIENT_PID=""; }
stop_dhcpcd() { stop_pid "$CLIENT_PID" TERM; CLIENT_PID=""; }

# --- ISC dhclient 4.4.3-P1 -----------------------------------------------------------------------
DHCLIENT_FLAGS=()
dhclient_config() {  # dhclient_config FLAGS...   (e.g. -N -P, or -S)
    DHCLIENT_FLAGS=("$@")
    cat >"$OUT/dhclient6.conf" <<EOF
# ISC dhclient 4.4.3-P1, started as: dhclient -6 -d -v -D LL $* -cf dhclient6.conf -lf LEASES -pf PID -sf SCRIPT wan0
# release: dhclient -6 -r (same arguments); stop without release: dhclient -6 -x
request dhcp6.name-servers, dhcp6.domain-search, dhcp6.sntp-servers,
        dhcp6.sip-servers-addresses, dhcp6.sip-servers-names, dhcp6.info-refresh-time;
EOF
    # a minimal dhclient-script: configure the address, nothing else (no resolv.conf changes).
    # The address is added without lifetimes: Linux deletes a non-permanent address whose DAD failed,
    # but keeps a permanent one flagged "dadfailed"; exit status 3 then makes dhclient send Decline.
    cat >"$RUN/dhclient-script.sh" <<'EOF2'
#!/bin/sh
echo "script reason=$reason ip6=${new_ip6_address:-} prefix=${new_ip6_prefix:-}"
case "$reason" in
  BOUND6|RENEW6|REBIND6|REBOOT6)
    if [ -n "${new_ip6_address:-}" ]; then
        ip -6 addr replace "$new_ip6_address/${new_ip6_prefixlen:-128}" dev "$interface"
        if [ "$(cat /proc/sys/net/ipv6/conf/$interface/accept_dad)" -ge 1 ]; then
            for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
                [ -z "$(ip -6 addr show dev "$interface" to "$new_ip6_address" tentative)" ] && break
                sleep 0.1
            done
            if [ -n "$(ip -6 addr show dev "$interface" to "$new_ip6_address" dadfailed)" ]; then
                echo "script: DAD failed for $new_ip6_address"
                ip -6 addr del "$new_ip6_address/${new_ip6_prefixlen:-128}" dev "$interface"
                exit 3
            fi
        fi
    fi ;;
  EXPIRE6|RELEASE6|STOP6)
    [ -n "${old_ip6_address:-}" ] && ip -6 addr del "$old_ip6_address/${old_ip6_prefixlen:-128}" dev "$interface" ;;
esac
exit 0
EOF2
    chmod +x "$RUN/dhclient-script.sh"
}

dhclient_args() {
    echo -6 -D LL "${DHCLIENT_FLAGS[@]}" -cf "$OUT/dhclient6.conf" -lf "$RUN/dhclient6.leases" \
        -pf "$RUN/dhclient6.pid" -sf "$RUN/dhclient-script.sh"
}

start_dhclient() {
    echo "=== start $(date +%T)" >>"$RUN/client.log"
    # shellcheck disable=SC2046
    bg_in $NS_RTR "$RUN/client.log" dhclient -d -v $(dhclient_args) wan0
    CLIENT_PID=$BG_PID
}

release_dhclient() {
    echo "=== release $(date +%T)" >>"$RUN/client.log"
    # shellcheck disable=SC2046
    timeout 15 ip netns exec $NS_RTR dhclient -v -r $(dhclient_args) wan0 >>"$RUN/client.log" 2>&1
    stop_pid "$CLIENT_PID" TERM
    CLIENT_PID=""
}

stop_dhclient() {
    echo "=== stop (-x) $(date +%T)" >>"$RUN/client.log"
    # shellcheck disable=SC2046
    timeout 15 ip netns exec $NS_RTR dhclient -v -x $(dhclient_args) wan0 >>"$RUN/client.log" 2>&1
    stop_pid "$CLIENT_PID" TERM
    CLIENT_PID=""
}

# --- WIDE dhcp6c 20080615 ----------------------------------------------------------------------
# dhcp6c_config na|pd|napd|info [rapid]
dhcp6c_config() {
    local mode=$1 rapid=${2:-}
    {
        echo "# WIDE dhcp6c 20080615 (Debian -23), started as: dhcp6c -f -D -c dhcp6c.conf -p PID wan0"
        echo "# client DUID (file /var/lib/dhcpv6/dhcp6c_duid, bind-mounted): $CLIENT_DUID"
        echo "# release: SIGTERM (sends Release, then exits)"
        echo "interface wan0 {"
        case $mode in
            info) echo "    information-only;" ;;
            na) echo "    send ia-na 1;" ;;
            pd) echo "    send ia-pd 2;" ;;
            napd) echo "    send ia-na 1;"; echo "    send ia-pd 2;" ;;
        esac
        [ "$rapid" = rapid ] && echo "    send rapid-commit;"
        echo "    request domain-name-servers;"
        echo "    request domain-name;"
        echo "    request ntp-servers;"
        echo "    request sip-server-address;"
        echo "    request sip-server-domain-name;"
        echo "    request refreshtime;"
        echo "};"
        case $mode in na|napd) echo "id-assoc na 1 { };" ;; esac
        case $mode in pd|napd)
            echo "id-assoc pd 2 {"
            echo "    prefix-interface lan0 { sla-id 1; sla-len 8; };"
            echo "};" ;;
        esac
    } >"$OUT/dhcp6c.conf"
}

start_dhcp6c() {
    mkdir -p "$RUN/dhcpv6-client"
    [ -f "$RUN/dhcpv6-client/dhcp6c_duid" ] || write_wide_duid "$RUN/dhcpv6-client/dhcp6c_duid" "$CLIENT_DUID"
    echo "=== start $(date +%T)" >>"$RUN/client.log"
    bg_in $NS_RTR "$RUN/client.log" unshare -m sh -c \
        'mount -n --bind "$0" /var/lib/dhcpv6 && exec dhcp6c -f -D -c "$1" -p "$2" wan0' \
        "$RUN/dhcpv6-client" "$OUT/dhcp6c.conf" "$RUN/dhcp6c.pid"
    CLIENT_PID=$BG_PID
}

release_dhcp6c() { stop_pid "$CLIENT_PID" TERM; CLIENT_PID=""; }

# ------------------------------------------------------------------------------------------------
# scenarios
# ------------------------------------------------------------------------------------------------
# stateful: bind, [reboot], Renew at T1, Rebind at T2 (server down during the 2nd Renew), Release
# $1 = "reboot" to restart the client without Release once bound (Confirm / Rebind from saved lease)
# The server is started again after UNANSWERED_RENEWS Renew transmissions (1; 2 for dhcp6c, whose
# first retransmission comes ~10 s after the Renew and still before its T2), so the Rebind is answered.
scenario_stateful() {
    local reboot=${1:-} r
    $CLIENT_START
    wait_count reply 1 25 || return 1
    log "bound"
    if [ "$reboot" = reboot ]; then
        sleep 1
        log "client restart without release"
        $CLIENT_STOP
        sleep 1
        r=$(count reply)
        $CLIENT_START
        wait_count reply $((r + 1)) 20 && log "bound again after the restart"
    fi
    r=$(count reply)
    wait_more renew 25 && wait_count reply $((r + 1)) 5 && log "renewed"
    sleep 1
    log "stopping the server"
    stop_server
    for _ in $(seq "$UNANSWERED_RENEWS"); do wait_more renew 25; done
    log "$UNANSWERED_RENEWS unanswered Renew(s) seen; starting the server again"
    $SERVER_START
    r=$(count reply)
    wait_more rebind 25 && wait_count reply $((r + 1)) 12 && log "rebound"
    sleep 1
    log "release"
    r=$(count reply)
    $CLIENT_RELEASE
    wait_count release 1 10 && wait_count reply $((r + 1)) 3
    sleep 1.5
}

# bind, then Release (short)
scenario_bind_release() {
    $CLIENT_START
    wait_count reply 1 25 || return 1
    sleep 2
    local r
    r=$(count reply)
    $CLIENT_RELEASE
    wait_count release 1 10 && wait_count reply $((r + 1)) 3
    sleep 1.5
}

# bind, restart the client without Release (a client with only IA_NA then sends Confirm),
# optionally wait for the Renew ($1 = renew; dnsmasq: T1 = 60 s), then Release
scenario_confirm() {
    local r
    $CLIENT_START
    wait_count reply 1 25 || return 1
    log "bound"
    sleep 1
    log "client restart without release"
    $CLIENT_STOP
    sleep 1
    r=$(count reply)
    $CLIENT_START
    wait_count reply $((r + 1)) 20 && log "bound again after the restart"
    if [ "${1:-}" = renew ]; then
        r=$(count reply)
        wait_more renew 75 && wait_count reply $((r + 1)) 5 && log "renewed"
    fi
    sleep 1
    r=$(count reply)
    $CLIENT_RELEASE
    wait_count release 1 10 && wait_count reply $((r + 1)) 3
    sleep 1.5
}

# WIDE dhcp6s only: bind, Renew, then "dhcp6ctl remove binding" so that the next Renew is answered
# with NoBinding (the client then sends a Request), then Release
scenario_nobinding() {
    local r
    $CLIENT_START
    wait_count reply 1 25 || return 1
    log "bound"
    r=$(count reply)
    wait_more renew 25 && wait_count reply $((r + 1)) 5 && log "renewed"
    sleep 1
    log "dhcp6ctl remove binding IA IA_PD 2 $CLIENT_DUID"
    ip netns exec $NS_ISP dhcp6ctl -S -k "$RUN/dhcp6sctlkey" remove binding IA IA_PD 2 "$CLIENT_DUID" \
        >>"$RUN/server.log" 2>&1
    r=$(count reply)
    wait_more renew 25 && wait_count reply $((r + 1)) 5 && log "Renew answered (NoBinding expected)"
    wait_count reply $((r + 2)) 5 && log "Request after NoBinding answered"
    sleep 1
    r=$(count reply)
    $CLIENT_RELEASE
    wait_count release 1 10 && wait_count reply $((r + 1)) 3
    sleep 1.5
}

# Kea + dhclient: the only pool address 2001:db8:ffff::100 is also configured on isp0 and wan0
# runs DAD (accept_dad=1), so the client's DAD fails -> Decline; the declined address is then
# unavailable (probation) -> NoAddrsAvail for IA_NA in the next Advertise/Reply
scenario_decline() {
    ip -n $NS_ISP addr add 2001:db8:ffff::100/128 dev isp0 nodad
    ip netns exec $NS_RTR sysctl -qw net.ipv6.conf.wan0.accept_dad=1
    $CLIENT_START
    wait_count reply 1 25 || return 1
    log "bound"
    wait_count decline 1 15 && log "Decline sent"
    wait_count solicit 2 15 && log "soliciting again"
    sleep 5
    # no Release here: "dhclient -r" hangs without sending anything once its IA_NA has no address
    $CLIENT_STOP
}

# dhcp6s has no address pool here: IA_NA gets NoAddrsAvail; dhcp6c then ignores the whole Advertise
# (though its IA_PD is fine) and keeps soliciting. Stop after a few Solicits.
scenario_solicit_only() {
    $CLIENT_START
    wait_count advertise 3 20
    $CLIENT_STOP
}

# one Information-Request / Reply
scenario_inforeq() {
    $CLIENT_START
    wait_count reply 1 20
    sleep 1
    $CLIENT_STOP
}

# ------------------------------------------------------------------------------------------------
# combinations
# ------------------------------------------------------------------------------------------------
use_kea()     { SERVER_START=start_kea; }
use_dhcpd()   { SERVER_START=start_dhcpd; dhcpd_config; }
use_dhcp6s()  { SERVER_START=start_dhcp6s; dhcp6s_config; }
use_dnsmasq() { SERVER_START=start_dnsmasq; dnsmasq_config "$1"; }
use_dhcpcd()  { CLIENT_START=start_dhcpcd; CLIENT_RELEASE=release_dhcpcd; CLIENT_STOP=stop_dhcpcd; dhcpcd_config "$@"; }
use_dhclient() { CLIENT_START=start_dhclient; CLIENT_RELEASE=release_dhclient; CLIENT_STOP=stop_dhclient; dhclient_config "$@"; }
use_dhcp6c()  { CLIENT_START=start_dhcp6c; CLIENT_RELEASE=release_dhcp6c; CLIENT_STOP=release_dhcp6c; dhcp6c_config "$@"; }
dhcp6c_timers() { PREF=40 VALID=60 UNANSWERED_RENEWS=2; }

# every combo_* function: configure server (use_*), client (use_*), start the server, run a scenario
combo_kea-dhcpcd()           { use_kea; kea_config false; use_dhcpcd "ia_na 1" "ia_pd 2 lan0/0/64"; start_kea; scenario_stateful; }
combo_kea-dhcpcd-rapid()     { use_kea; kea_config true; use_dhcpcd "option dhcp6_rapid_commit" "ia_na 1" "ia_pd 2 lan0/0/64"; start_kea; scenario_stateful; }
combo_kea-dhclient-decline() { use_kea; kea_config false 2001:db8:ffff::100; use_dhclient -N -P; start_kea; scenario_decline; }
combo_kea-dhclient()         { use_kea; kea_config false; use_dhclient -N -P; start_kea; scenario_stateful; }
combo_kea-dhclient-stateless() { use_kea; kea_config false; use_dhclient -S; start_kea; scenario_inforeq; }
combo_kea-dhcp6c()           { dhcp6c_timers; use_kea; kea_config false; use_dhcp6c napd; start_kea; scenario_stateful; }
combo_kea-dhcp6c-rapid()     { dhcp6c_timers; use_kea; kea_config true; use_dhcp6c napd rapid; start_kea; scenario_bind_release; }
combo_dhcpd-dhcpcd()         { use_dhcpd; use_dhcpcd "ia_na 1" "ia_pd 2 lan0/0/64"; start_dhcpd; scenario_stateful reboot; }
combo_dhcpd-dhclient()       { use_dhcpd; use_dhclient -N -P; start_dhcpd; scenario_stateful reboot; }
combo_dhcpd-dhcp6c()         { dhcp6c_timers; use_dhcpd; use_dhcp6c napd; start_dhcpd; scenario_stateful; }
combo_dhcp6s-dhcp6c()        { dhcp6c_timers; use_dhcp6s; use_dhcp6c pd; start_dhcp6s; scenario_nobinding; }
combo_dhcp6s-dhcp6c-noaddrs() { use_dhcp6s; use_dhcp6c napd; start_dhcp6s; scenario_solicit_only; }
combo_dhcp6s-dhcpcd()        { use_dhcp6s; use_dhcpcd "ia_pd 2 lan0/0/64"; start_dhcp6s; scenario_stateful; }
combo_dhcp6s-dhclient()      { use_dhcp6s; use_dhclient -P; start_dhcp6s; scenario_stateful; }
combo_dhcp6s-dhcp6c-stateless() { use_dhcp6s; use_dhcp6c info; start_dhcp6s; scenario_inforeq; }
combo_dnsmasq-dhcpcd()       { use_dnsmasq stateful; use_dhcpcd "ia_na 1"; start_dnsmasq; scenario_confirm renew; }
combo_dnsmasq-dhclient()     { use_dnsmasq stateful; use_dhclient -N; start_dnsmasq; scenario_confirm; }
combo_dnsmasq-dhcp6c()       { use_dnsmasq stateful; use_dhcp6c na; start_dnsmasq; scenario_bind_release; }
combo_dnsmasq-dhclient-stateless() { use_dnsmasq stateless; use_dhclient -S; start_dnsmasq; scenario_inforeq; }
combo_dnsmasq-dhcp6c-stateless()   { use_dnsmasq stateless; use_dhcp6c info; start_dnsmasq; scenario_inforeq; }

ALL_COMBOS=(
    kea-dhcpcd kea-dhcpcd-rapid kea-dhclient kea-dhclient-decline kea-dhclient-stateless kea-dhcp6c kea-dhcp6c-rapid
    dhcpd-dhcpcd dhcpd-dhclient dhcpd-dhcp6c
    dhcp6s-dhcp6c dhcp6s-dhcp6c-noaddrs dhcp6s-dhcpcd dhcp6s-dhclient dhcp6s-dhcp6c-stateless
    dnsmasq-dhcpcd dnsmasq-dhclient dnsmasq-dhcp6c dnsmasq-dhclient-stateless dnsmasq-dhcp6c-stateless
)

run_combo() {
    COMBO=$1
    OUT="$HERE/$COMBO"
    RUN="$WORK/$COMBO"
    if ! declare -F "combo_$COMBO" >/dev/null; then
        log "unknown combination"
        return 1
    fi
    log "start"
    T1=10 T2=16 PREF=20 VALID=30 UNANSWERED_RENEWS=1
    rm -rf "$OUT" "$RUN"
    mkdir -p "$OUT" "$RUN"
    lab_up
    start_tcpdump
    local t0=$SECONDS
    "combo_$COMBO"
    stop_all
    stop_tcpdump
    lab_down
    python3 "$HERE/extract.py" "$OUT" >&2
    if [ -f "$HERE/describe.py" ]; then
        python3 "$HERE/describe.py" --expected "$OUT" >&2
    fi
    log "done in $((SECONDS - t0)) s"
}

cleanup() {
    stop_all
    [ -n "$TCPDUMP_PID" ] && stop_pid "$TCPDUMP_PID" INT
    lab_down
}

main() {
    if [ "${1:-}" = "--list" ]; then
        printf '%s\n' "${ALL_COMBOS[@]}"
        exit 0
    fi
    if [ "$(id -u)" != 0 ]; then
        echo "capture.sh must run as root" >&2
        exit 1
    fi
    trap 'cleanup; exit 130' INT TERM
    local combos=("$@")
    [ ${#combos[@]} -gt 0 ] || combos=("${ALL_COMBOS[@]}")
    local c
    for c in "${combos[@]}"; do run_combo "$c"; done
    cleanup
}

main "$@"
