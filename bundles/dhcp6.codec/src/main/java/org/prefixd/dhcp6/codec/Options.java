package org.prefixd.dhcp6.codec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The options of a message or of an option, in the order they came. Immutable. */
public final class Options implements Iterable<Option> {
    public static final Options NONE = new Options(List.of());

    private final List<Option> list;

    private Options(List<Option> list) {
        this.list = list;
    }

    public static Options of(Option... options) {
        return of(List.of(options));
    }

    public static Options of(List<? extends Option> options) {
        return options.isEmpty() ? NONE : new Options(List.copyOf(options));
    }

    public List<Option> list() {
        return list;
    }

    public int size() {
        return list.size();
    }

    /** The first option of this type. */
    public <T extends Option> Optional<T> get(Class<T> type) {
        for (Option o : list) if (type.isInstance(o)) return Optional.of(type.cast(o));
        return Optional.empty();
    }

    /** Every option of this type, in order. */
    public <T extends Option> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Option o : list) if (type.isInstance(o)) out.add(type.cast(o));
        return out;
    }

    /** These options and then {@code more}. */
    public Options with(Option... more) {
        List<Option> out = new ArrayList<>(list);
        out.addAll(List.of(more));
        return of(out);
    }

    void write(Writer out) {
        // By index: measured, the JIT left an iterator per option list as garbage of every encoding.
        for (int i = 0; i < list.size(); i++) {
            Option o = list.get(i);
            out.u16(o.code());
            int at = out.beginLength();
            o.writeBody(out);
            out.endLength(at);
        }
    }

    @Override
    public Iterator<Option> iterator() {
        return list.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Options other && list.equals(other.list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
