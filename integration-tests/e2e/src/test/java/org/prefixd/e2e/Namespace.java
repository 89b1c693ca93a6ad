package org.prefixd.e2e;

import java.util.concurrent.ThreadLocalRandom;

/** A network namespace this test creates and deletes, with veth pairs inside it. */
final class Namespace implements AutoCloseable {
    final String name;

    Namespace(String prefix) {
        this.name = prefix + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        Cmd.ok("ip", "netns", "add", name);
        ip("link", "set", "lo", "up");
    }

    String ip(String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "ip";
        command[1] = "-n";
        command[2] = name;
        System.arraycopy(args, 0, command, 3, args.length);
        return Cmd.ok(command);
    }

    /** A veth pair, both ends here and up, without DAD so the link-local is usable at once. */
    void veth(String end, String peer) {
        ip("link", "add", end, "type", "veth", "peer", "name", peer);
        sysctl("net.ipv6.conf." + end + ".accept_dad", "0");
        sysctl("net.ipv6.conf." + peer + ".accept_dad", "0");
        ip("link", "set", end, "up");
        ip("link", "set", peer, "up");
    }

    /** A LAN: {@code lan} here, its peer eth0 in the host's namespace, both up, without DAD. */
    void lanTo(Namespace host, String lan) {
        ip("link", "add", lan, "type", "veth", "peer", "name", "eth0", "netns", host.name);
        sysctl("net.ipv6.conf." + lan + ".accept_dad", "0");
        host.sysctl("net.ipv6.conf.eth0.accept_dad", "0");
        ip("link", "set", lan, "up");
        host.ip("link", "set", "eth0", "up");
    }

    void sysctl(String key, String value) {
        Cmd.ok("ip", "netns", "exec", name, "sysctl", "-q", "-w", key + "=" + value);
    }

    /** The interface's link-local address as iproute2 prints it, once the kernel has one. */
    String linkLocal(String dev) {
        String[] found = new String[1];
        Await.until("a link-local address on " + dev, java.time.Duration.ofSeconds(5), () -> {
            for (String line : ip("-6", "-o", "addr", "show", "dev", dev, "scope", "link").split("\n")) {
                int at = line.indexOf("inet6 fe80");
                if (at >= 0 && !line.contains("tentative")) {
                    found[0] = line.substring(at + 6, line.indexOf('/', at));
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Override
    public void close() {
        Cmd.run(java.util.List.of("ip", "netns", "del", name));
    }
}
