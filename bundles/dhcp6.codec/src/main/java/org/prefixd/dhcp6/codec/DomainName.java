package org.prefixd.dhcp6.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A domain name in the uncompressed RFC 1035 wire format DHCPv6 uses (RFC 8415 §10), checked
 * as a host name (RFC 1123: letters, digits and hyphens; labels of 1 to 63 characters that
 * neither start nor end with a hyphen; at most 255 bytes on the wire). Only such names are ever
 * turned into text, so a name from a server cannot carry shell syntax or control characters.
 * A received name that is not a host name is decoded as an {@link UnusableName}.
 *
 * @param labels the labels, in order, as they came (case kept)
 * @param absolute whether the wire form ends with the root label; only Client FQDN may carry a
 *                 partial (non-absolute) name
 */
public record DomainName(List<String> labels, boolean absolute) implements ReceivedName {
    public static final int MAX_WIRE_LENGTH = 255;

    public DomainName {
        labels = List.copyOf(labels);
        int wire = 1;
        // Labels are visited by index, here and in write: a name is built and written for every
        // message that carries one, and measured, the JIT left the iterators as garbage.
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            String problem = labelProblem(label);
            if (problem != null) throw new IllegalArgumentException(problem);
            wire += 1 + label.length();
        }
        if (wire > MAX_WIRE_LENGTH) throw new IllegalArgumentException("domain name of " + wire + " bytes is longer than 255");
    }

    /** An absolute name from its text, e.g. "example.com" (a final dot is allowed). */
    public static DomainName of(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (trimmed.isEmpty()) return new DomainName(List.of(), true);
        return new DomainName(List.of(trimmed.split("\\.", -1)), true);
    }

    /** Text form without the final dot; "." for the root. */
    public String text() {
        return labels.isEmpty() ? "." : String.join(".", labels);
    }

    @Override
    public String toString() {
        return text();
    }

    static String labelProblem(String label) {
        if (label.isEmpty()) return "empty label";
        if (label.length() > 63) return "label of " + label.length() + " characters is longer than 63";
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok) return "label contains a character that is not allowed in a host name (0x" + Integer.toHexString(c) + ")";
        }
        if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') return "label starts or ends with a hyphen";
        return null;
    }

    /**
     * Reads one name. Its structure must be sound (label lengths of at most 63, no compression,
     * at most 255 bytes, the root label at the end unless partial names are allowed) or the
     * message is malformed; a sound name that is not a host name is an {@link UnusableName}.
     */
    static ReceivedName read(Reader in, boolean partialAllowed) throws DecodeException {
        PendingItems labels = in.context.pending;
        int firstLabel = labels.mark();
        int start = in.position();
        String problem = null;
        boolean absolute = true;
        while (true) {
            if (!in.hasRemaining()) {
                if (!partialAllowed) throw in.error("domain name does not end with the root label");
                absolute = false;
                break;
            }
            int at = in.position();
            int length = in.u8("label length");
            if (length == 0) break;
            if (length > 63) throw in.error(at, "label length " + length + " is more than 63 (compression is not allowed in DHCPv6)");
            String label = in.latin1(length, "label");
            if (problem == null) problem = labelProblem(label);
            labels.add(label);
            if (in.position() - start > MAX_WIRE_LENGTH - 1) throw in.error(at, "domain name is longer than 255 bytes");
        }
        if (problem != null) {
            labels.dropSince(firstLabel);
            return new UnusableName(in.readSince(start), absolute, problem);
        }
        return new DomainName(labels.takeSince(firstLabel), absolute);
    }

    /** Reads the names of a domain list option: one or more absolute names filling the data. */
    static List<ReceivedName> readList(Reader body) throws DecodeException {
        PendingItems names = body.context.pending;
        int firstName = names.mark();
        while (body.hasRemaining()) names.add(read(body, false));
        return names.takeSince(firstName);
    }

    /** The host names of a list of received names, in order. */
    static List<DomainName> hostNames(List<ReceivedName> received) {
        List<DomainName> out = new ArrayList<>();
        for (ReceivedName n : received) if (n instanceof DomainName d) out.add(d);
        return List.copyOf(out);
    }

    /** The names of a list that are not host names, in order. */
    static List<UnusableName> unusable(List<ReceivedName> received) {
        List<UnusableName> out = new ArrayList<>();
        for (ReceivedName n : received) if (n instanceof UnusableName u) out.add(u);
        return List.copyOf(out);
    }

    @Override
    public void write(Writer out) {
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            out.u8(label.length());
            out.ascii(label);
        }
        if (absolute) out.u8(0);
    }

    static void writeList(Writer out, List<? extends ReceivedName> names) {
        for (ReceivedName n : names) n.write(out);
    }

    static <N extends ReceivedName> List<N> checkList(List<N> names) {
        List<N> copy = List.copyOf(names);
        for (N n : copy) if (!n.absolute()) throw new IllegalArgumentException("a domain list holds absolute names only: " + n);
        return copy;
    }
}
