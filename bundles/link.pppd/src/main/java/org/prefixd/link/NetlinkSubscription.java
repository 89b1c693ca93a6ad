package org.prefixd.link;

/**
 * Tells from {@code /proc/net/netlink} whether a process's netlink socket has joined multicast
 * groups, i.e. whether {@code ip monitor} is listening. A state read before that moment could
 * miss a change that no notification reports either.
 */
public final class NetlinkSubscription {
    private NetlinkSubscription() {
    }

    /**
     * Lines look like "sk Eth Pid Groups Rmem ...": true when a socket of protocol 0 (route) with
     * port id {@code pid} has a group bit set.
     */
    public static boolean listening(String procNetNetlink, long pid) {
        String wantedPid = Long.toString(pid);
        for (String line : procNetNetlink.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !f[1].equals("0") || !f[2].equals(wantedPid)) continue;
            for (int i = 0; i < f[3].length(); i++) {
                char c = f[3].charAt(i);
                if (Character.digit(c, 16) > 0) return true;
            }
        }
        return false;
    }
}
