package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The console profile's event stream against Kea in the lab: snapshot then live events, the
 * ?link= filter, keep-alives, resumption with Last-Event-ID, the bound on clients, a client that
 * never reads (dropped while the others get every event), and the Gogo commands.
 */
class EventStreamIT {
    static final String EVENTS = "/system/console/prefixd/events";

    @Test
    void snapshotLiveEventsFilterResumeManyClientsAndOneThatNeverReads() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        try (Namespace isp = lab[0]; Namespace router = lab[1]) {
            Path dir = Prefixd.newDirectory("events");
            Path hook = dir.resolve("true.sh");
            Files.writeString(hook, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 300, 500, 800, 1200);
                 Prefixd prefixd = new Prefixd(router, dir, "console", true)) {
                prefixd.config("prefixd.web.cfg", "max.clients = 4\nclient.queue = 8\nkeepalive = 1\n");
                prefixd.config("prefixd.hook-true.cfg", "script = " + hook + "\n");
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                Await.until("the lease bound", Duration.ofSeconds(20), () -> prefixd.logText().contains("wan0: lease bound"));
                String login = prefixd.webLogin();
                try (ConsoleBridge web = new ConsoleBridge(router, 18080)) {
                    Await.until("the console with prefixd.web's configuration", Duration.ofSeconds(10),
                            () -> prefixd.logText().contains("hook ") && status(web, login, "/system/console/prefixd/state.json") == 200);

                    // snapshot, then live events
                    SseClient all = new SseClient(web.url(EVENTS), login, null);
                    assertEquals(200, all.status);
                    SseClient.Frame snapshot = all.nextEvent(Duration.ofSeconds(5));
                    assertEquals("snapshot", snapshot.event());
                    JsonObject state = json(snapshot.data());
                    assertEquals("2001:db8:100::/56", state.getJsonArray("leases").getJsonObject(0).getJsonArray("prefixes").getJsonObject(0).getString("prefix"));
                    assertEquals(snapshot.id().longValue(), state.getJsonNumber("lastEventId").longValue());
                    SseClient other = new SseClient(web.url(EVENTS + "?link=wan9"), login, null);
                    JsonObject otherState = json(other.nextEvent(Duration.ofSeconds(5)).data());
                    assertEquals(0, otherState.getJsonArray("leases").size(), "the filter applies to the snapshot");

                    renew(web, login);
                    SseClient.Frame renewed = until(all, "prefixd/lease/RENEWED");
                    assertTrue(renewed.id() > snapshot.id());
                    JsonObject event = json(renewed.data());
                    assertEquals("wan0", event.getString("link"));
                    assertEquals("2001:db8:100::/56", event.getJsonObject("lease").getJsonArray("prefixes").getJsonObject(0).getString("prefix"));
                    SseClient.Frame hookDone = until(all, "prefixd/hook/DONE");
                    assertEquals(hook.toString(), json(hookDone.data()).getString("script"));
                    assertEquals(0, json(hookDone.data()).getInt("exit"));
                    List<SseClient.Frame> seenByOther = new ArrayList<>();
                    Await.until("a keep-alive on the idle wan9 stream (every second)", Duration.ofSeconds(5), () -> {
                        seenByOther.addAll(other.drain());
                        return seenByOther.stream().anyMatch(f -> "keep-alive".equals(f.comment()));
                    });
                    assertTrue(seenByOther.stream().noneMatch(SseClient.Frame::isEvent), "wan0's events reached a client of wan9: " + seenByOther);

                    // resume: the events missed while away, no snapshot
                    long last = lastId(all, hookDone.id());
                    all.close();
                    renew(web, login);
                    Await.until("the renewal's hook run", Duration.ofSeconds(10), () -> prefixd.logText().split("hook " + hook, -1).length > 2);
                    SseClient resumed = new SseClient(web.url(EVENTS), login, Long.toString(last));
                    SseClient.Frame first = resumed.nextEvent(Duration.ofSeconds(5));
                    assertNull(first.event(), "a resumed stream starts with the missed events, not a snapshot: " + first);
                    assertEquals(last + 1, first.id().longValue());
                    SseClient unknown = new SseClient(web.url(EVENTS), login, "12");
                    assertEquals("snapshot", unknown.nextEvent(Duration.ofSeconds(5)).event(), "an id not in the journal gets a snapshot");

                    // four clients at most: other, resumed, unknown, and one more (the closed one is gone at its next keep-alive)
                    Await.until("the closed client gone", Duration.ofSeconds(10),
                            () -> json(get(web, login, "/system/console/prefixd/state.json")).getInt("streamClients") == 3);
                    SseClient fourth = new SseClient(web.url(EVENTS), login, null);
                    assertEquals(200, fourth.status);
                    assertEquals(503, status(web, login, EVENTS), "a fifth client is refused");
                    fourth.close();
                    unknown.close();
                    other.close();
                    Await.until("places free again", Duration.ofSeconds(10), () -> json(get(web, login, "/system/console/prefixd/state.json")).getInt("streamClients") <= 2);

                    // a client that never reads, in the router's namespace; a reader beside it gets every event
                    // socat with a 1 KiB receive buffer writes what it reads into a pipe that nobody reads; the
                    // router's TCP send buffers are kept small (tcp_wmem is per namespace) so that the stream
                    // blocks after some 100 KB rather than the 4 MB a send buffer may grow to by default
                    router.sysctl("net.ipv4.tcp_wmem", "4096 16384 65536");
                    Process stuck = new ProcessBuilder("ip", "netns", "exec", router.name, "sh", "-c",
                            "(printf 'GET " + EVENTS + " HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Basic "
                                    + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8))
                                    + "\\r\\n\\r\\n'; exec sleep 600) | socat -t 600 - TCP:127.0.0.1:8080,rcvbuf=1024 | exec sleep 600")
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    try {
                        Await.until("the stuck client connected", Duration.ofSeconds(10),
                                () -> json(get(web, login, "/system/console/prefixd/state.json")).getInt("streamClients") == 2);
                        List<Long> ids = new ArrayList<>();
                        long previous = lastId(resumed, first.id());
                        int renews = 0;
                        while (!prefixd.logText().contains("event stream: dropped 1 client(s) that stopped reading")) {
                            if (renews++ >= 2000)
                                throw new AssertionError("the stuck client was never dropped; sockets:\n" + Cmd.ok("ip", "netns", "exec", router.name, "ss", "-tnmi"));
                            renew(web, login);
                            for (SseClient.Frame f : resumed.drain()) if (f.isEvent()) ids.add(f.id());
                        }
                        System.out.printf("the stuck client was dropped after %d renewals%n", renews);
                        Await.until("the reader's last events", Duration.ofSeconds(10), () -> {
                            for (SseClient.Frame f : resumed.drain()) if (f.isEvent()) ids.add(f.id());
                            return !ids.isEmpty() && ids.get(ids.size() - 1) >= json(get(web, login, "/system/console/prefixd/state.json")).getJsonNumber("lastEventId").longValue();
                        });
                        for (long id : ids) assertEquals(++previous, id, "the reader missed an event");
                    } finally {
                        stuck.descendants().forEach(ProcessHandle::destroy);
                        stuck.destroy();
                    }
                    resumed.close();

                    // the Gogo commands
                    int before = prefixd.logText().length();
                    prefixd.shell("prefixd:status");
                    prefixd.shell("prefixd:events 2");
                    prefixd.shell("prefixd:renew wan0");
                    prefixd.shell("prefixd:reload");
                    Await.until("the commands' output", Duration.ofSeconds(10), () -> {
                        String out = prefixd.logText().substring(before);
                        return out.contains("dhcp6 wan0 BOUND") && out.contains("  prefix  2001:db8:100::/56 preferred") && out.contains("{\"id\":")
                                && out.contains("every configuration file applied");
                    });

                    // the login from prefixd.web, applied live; admin as a password is refused and changes nothing
                    prefixd.config("prefixd.web.cfg", "username = admin\npassword = admin\n");
                    Await.until("the refusal logged", Duration.ofSeconds(10), () -> prefixd.logText().contains("prefixd.web: login not applied: password: at least 8 characters"));
                    Await.until("the generated login still in place", Duration.ofSeconds(10), () -> status(web, login, "/system/console/prefixd/state.json") == 200);
                    assertEquals(401, status(web, "admin:admin", "/system/console/prefixd/state.json"));
                    prefixd.config("prefixd.web.cfg", "username = owner\npassword = s3cret-pass\n");
                    Await.until("the owner's login in place", Duration.ofSeconds(10), () -> status(web, "owner:s3cret-pass", "/system/console/prefixd/state.json") == 200);
                    assertEquals(401, status(web, login, "/system/console/prefixd/state.json"), "the generated login no longer works");
                }
            }
        }
    }

    static SseClient.Frame until(SseClient client, String topic) throws InterruptedException {
        while (true) {
            SseClient.Frame f = client.nextEvent(Duration.ofSeconds(10));
            if (topic.equals(json(f.data()).getString("topic", ""))) return f;
        }
    }

    /** The id of the last event the client has received (those still queued in it included). */
    private static long lastId(SseClient client, long seen) {
        long last = seen;
        for (SseClient.Frame f : client.drain()) if (f.isEvent()) last = f.id();
        return last;
    }

    static JsonObject json(String text) {
        return new org.eclipse.parsson.JsonProviderImpl().createReader(new StringReader(text)).readObject();
    }

    private static HttpRequest.Builder request(ConsoleBridge web, String login, String path) {
        return HttpRequest.newBuilder(URI.create(web.url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
    }

    static int status(ConsoleBridge web, String login, String path) {
        try {
            return HttpClient.newHttpClient().send(request(web, login, path).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static String get(ConsoleBridge web, String login, String path) {
        try {
            return HttpClient.newHttpClient().send(request(web, login, path).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String renew(ConsoleBridge web, String login) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request(web, login, "/system/console/prefixd/renew")
                .header("X-Prefixd-Action", "1").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("link=wan0")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("no DHCPv6 client"), r.body());
        return r.body();
    }
}
