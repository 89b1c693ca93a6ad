package org.prefixd.netconf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.prefixd.api.NetConfigException;

/**
 * One long-lived {@code ip -6 -o -batch -} that makes the address and route changes, so that a
 * change costs a line on a pipe instead of a process (about 10 ms on a small router). After each
 * change it is asked for the loopback link, whose one-line answer ("1: lo: ...", ifindex 1 in
 * every namespace) says the change is made. iproute2 in batch mode stops at the first command the
 * kernel refuses: its last words (stderr, merged into stdout so they stay in order) are the
 * error, and the next change starts a new one. The lines are built from typed values (addresses,
 * numbers, interface names of [A-Za-z0-9._@-]), so batch mode's word splitting sees nothing else.
 * Not thread-safe: its owner serialises the calls.
 */
final class IpBatch implements AutoCloseable {
    /** ip's answer to it is one line that starts with {@link #MARKER_ANSWER}. */
    static final String MARKER = "link show dev lo";
    static final String MARKER_ANSWER = "1: lo:";

    private final List<String> launch;
    private final ScheduledExecutorService watchdog;
    private final long timeoutSeconds;
    private Process process;
    private OutputStream stdin;
    private BufferedReader answers;

    /**
     * @param ip how iproute2 is called, before its options ({@code ["ip"]}, or {@code ["ip", "-n", "ns"]})
     * @param watchdog kills an {@code ip} that does not answer within {@code timeoutSeconds}
     */
    IpBatch(List<String> ip, ScheduledExecutorService watchdog, long timeoutSeconds) {
        List<String> l = new ArrayList<>(ip);
        l.addAll(List.of("-6", "-o", "-batch", "-"));
        this.launch = List.copyOf(l);
        this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Makes one change.
     *
     * @param command the change as {@link IpCommands} builds it ({@code ip -6 ...})
     * @param removal whether it removes something (already gone counts as done)
     * @throws NetConfigException naming the command, ip's exit status and its last words
     */
    void run(List<String> command, boolean removal) throws NetConfigException {
        if (command.size() < 3 || !command.get(0).equals("ip") || !command.get(1).equals("-6"))
            throw new IllegalArgumentException("not an ip -6 command: " + command);
        exchange(String.join(" ", command), String.join(" ", command.subList(2, command.size())) + "\n" + MARKER + "\n", removal);
    }

    /**
     * Starts {@code ip} and has it answer the marker once, so that the first change finds it
     * running and this path loaded (a DHCPv6 Reply's first change would otherwise wait for both).
     */
    void ready() throws NetConfigException {
        exchange("ip -6 " + MARKER, MARKER + "\n", false);
    }

    /** Writes {@code lines} (ending with the marker) and reads up to the marker's answer. */
    private void exchange(String joined, String lines, boolean removal) throws NetConfigException {
        ScheduledFuture<?> kill = null;
        try {
            if (process == null || !process.isAlive()) start();
            Process running = process;
            java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
            try {
                kill = watchdog.schedule(() -> {
                    killed.set(true);
                    running.destroyForcibly();
                }, timeoutSeconds, TimeUnit.SECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                close();
                throw new NetConfigException(joined + ": not made, prefixd's network configuration is stopping");
            }
            List<String> said = new ArrayList<>();
            try {
                stdin.write(lines.getBytes(StandardCharsets.US_ASCII));
                stdin.flush();
                for (String answer; (answer = answers.readLine()) != null; ) {
                    if (answer.startsWith(MARKER_ANSWER)) return;
                    if (said.size() < 20) said.add(answer.strip());
                }
            } catch (IOException pipeClosed) { // it exited before reading the line: its words say why
                drainInto(said);
            }
            // it exited: the change was refused, or the marker was (no answer, killed, no loopback)
            int exit = exitOf(running);
            close();
            String words = lastWords(said);
            if (killed.get())
                throw new NetConfigException(joined + ": no answer in " + timeoutSeconds + " s");
            if (removal && IpCommands.alreadyGone(words)) return;
            throw new NetConfigException(joined + " failed (exit " + exit + "): " + words + IpRoute2NetConfig.capabilityHint(words));
        } catch (IOException e) {
            close();
            throw new NetConfigException(joined + ": " + e.getMessage());
        } finally {
            if (kill != null) kill.cancel(false);
        }
    }

    private void start() throws IOException {
        close();
        process = new ProcessBuilder(launch).redirectErrorStream(true).start();
        stdin = process.getOutputStream();
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private void drainInto(List<String> said) {
        try {
            for (String answer; (answer = answers.readLine()) != null && said.size() < 20; ) said.add(answer.strip());
        } catch (IOException ignored) { // nothing more to read
        }
    }

    private static int exitOf(Process p) {
        try {
            if (p.waitFor(1, TimeUnit.SECONDS)) return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        p.destroyForcibly();
        return -1;
    }

    /** ip's error lines without its "Command failed -:N" (the line number means nothing to an owner). */
    static String lastWords(List<String> said) {
        List<String> kept = new ArrayList<>();
        for (String s : said) if (!s.isEmpty() && !s.startsWith("Command failed -:")) kept.add(s);
        return kept.isEmpty() ? "no answer" : String.join("; ", kept);
    }

    /** Ends the co-process: EOF on its stdin ends it, the kill makes sure. */
    @Override
    public void close() {
        Process p = process;
        process = null;
        if (p == null) return;
        try {
            stdin.close();
        } catch (IOException ignored) { // gone already
        }
        p.destroy();
        try {
            answers.close();
        } catch (IOException ignored) { // gone already
        }
    }
}
