package org.prefixd.dhcp6.codec;

import java.util.List;

/** User Class (RFC 8415 §21.15): opaque user-class data items. */
public record UserClass(List<Bytes> classes) implements Option {
    public UserClass {
        classes = List.copyOf(classes);
    }

    public int code() {
        return OptionCodes.USER_CLASS;
    }

    public void writeBody(Writer out) {
        Opaques.write(out, classes);
    }
}
