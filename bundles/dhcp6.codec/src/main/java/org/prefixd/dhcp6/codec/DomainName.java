package org.prefixd.dhcp6.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A domain name in the uncompressed RFC 1035 wire format DHCPv6 uses (RFC 8415 §10), checked
 * as a host name (RFC 1123: letters, digits and hyphens; labels of 1 to 63 characters that
 * neither start nor end with a hyphen; at most 255 bytes on the wire). Only such names are ever
 * turned into text, so a name from a server cannot carry shell syntax or control characters.
 *
 * @param labels the labels, in order, as they came (case kept)
 * @param absolute whether the wire form ends with the root label; only Client FQDN may carry a
 *                 partial (non-absolute) name
 */
public record DomainName(List<String> labels, boolean absolute) {
    public static final int MAX_WIRE_LENGTH = 255;

    public DomainName {
        labels = List.copyOf(labels);
        int wire = 1;
        for (String label : labels) {
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

    /** Reads one name; partial names (no root label at the end of the data) only when allowed. */
    static DomainName read(Reader in, boolean partialAllowed) throws DecodeException {
        List<String> labels = new ArrayList<>();
        int start = in.position();
        while (true) {
            if (!in.hasRemaining()) {
                if (partialAllowed) return new DomainName(labels, false);
                throw in.error("domain name does not end with the root label");
            }
            int at = in.position();
            int length = in.u8("label length");
            if (length == 0) break;
            if (length > 63) throw in.error(at, "label length " + length + " is more than 63 (compression is not allowed in DHCPv6)");
            byte[] raw = in.bytes(length, "label");
            String label = new String(raw, StandardCharsets.ISO_8859_1);
            String problem = labelProblem(label);
            if (problem != null) throw in.error(at, problem);
            labels.add(label);
            if (in.position() - start > MAX_WIRE_LENGTH - 1) throw in.error(at, "domain name is longer than 255 bytes");
        }
        return new DomainName(labels, true);
    }

    /** Reads the names of a domain list option: one or more absolute names filling the data. */
    static List<DomainName> readList(Reader body) throws DecodeException {
        List<DomainName> names = new ArrayList<>();
        while (body.hasRemaining()) names.add(read(body, false));
        return List.copyOf(names);
    }

    void write(Writer out) {
        for (String label : labels) {
            out.u8(label.length());
            out.bytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        if (absolute) out.u8(0);
    }

    static void writeList(Writer out, List<DomainName> names) {
        for (DomainName n : names) n.write(out);
    }

    static List<DomainName> checkList(List<DomainName> names) {
        List<DomainName> copy = List.copyOf(names);
        for (DomainName n : copy) if (!n.absolute()) throw new IllegalArgumentException("a domain list holds absolute names only: " + n);
        return copy;
    }
}
