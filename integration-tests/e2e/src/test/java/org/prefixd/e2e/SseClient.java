package org.prefixd.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A reader of prefixd's event stream: each frame (id, event type, data; or a comment) as it comes. */
final class SseClient implements AutoCloseable {
    /** One frame; {@code comment} for ": ..." lines. */
    record Frame(Long id, String event, String data, String comment) {
        boolean isEvent() {
            return data != null;
        }
    }

    final int status;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final HttpResponse<java.io.InputStream> response;

    SseClient(String url, String login, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        reader = new Thread(this::read, "sse-" + url);
        reader.setDaemon(true);
        if (status == 200) reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            Long id = null;
            String event = null, data = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) frames.add(new Frame(id, event, data, null));
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) frames.add(new Frame(null, null, null, line.substring(1).trim()));
                else if (line.startsWith("id: ")) id = Long.parseLong(line.substring(4));
                else if (line.startsWith("event: ")) event = line.substring(7);
                else if (line.startsWith("data: ")) data = line.substring(6);
            }
        } catch (java.io.IOException e) {
            // closed
        }
    }

    /** The next frame that is an event (skipping comments), or an AssertionError after {@code timeout}. */
    Frame nextEvent(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame f = frames.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (f == null) throw new AssertionError("no event within " + timeout.toMillis() + " ms");
            if (f.isEvent()) return f;
        }
    }

    /** Every frame so far, events and comments. */
    List<Frame> drain() {
        List<Frame> out = new ArrayList<>();
        frames.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (java.io.IOException ignored) {
            // already closed
        }
        reader.interrupt();
    }
}
