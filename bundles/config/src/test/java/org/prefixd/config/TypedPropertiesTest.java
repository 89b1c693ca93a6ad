package org.prefixd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.Vector;

import org.junit.jupiter.api.Test;

class TypedPropertiesTest {
    @Test
    void comparesArraysByContent() {
        TypedProperties a = TypedProperties.of(Map.of("dns", new String[] {"a", "b"}, "n", 1));
        TypedProperties b = TypedProperties.of(Map.of("dns", new String[] {"a", "b"}, "n", 1));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, TypedProperties.of(Map.of("dns", new String[] {"b", "a"}, "n", 1)));
    }

    @Test
    void comparesAnIntegerAndAStringOfTheSameDigitsAsDifferent() {
        assertNotEquals(TypedProperties.of(Map.of("n", 1)), TypedProperties.of(Map.of("n", "1")));
    }

    @Test
    void takesAnyCollectionAsAList() {
        assertEquals(TypedProperties.of(Map.of("p", List.of(1, 2))), TypedProperties.of(Map.of("p", new Vector<>(List.of(1, 2)))));
    }

    @Test
    void cannotBeChangedThroughAnArrayItWasGivenOrGave() {
        String[] dns = {"a"};
        TypedProperties typed = TypedProperties.of(Map.of("dns", dns));
        dns[0] = "changed";
        ((String[]) typed.asMap().get("dns"))[0] = "changed";
        assertEquals(TypedProperties.of(Map.of("dns", new String[] {"a"})), typed);
    }

    @Test
    void hidesTheValuesOfPasswordsSecretsAndKeysInItsText() {
        TypedProperties typed = TypedProperties.of(Map.of("admin.password", "p", "shared.Secret", "s",
                "reconfigure.key", "k", "dns", new String[] {"x", "y"}));
        assertEquals("{admin.password=***, dns=[x, y], reconfigure.key=***, shared.Secret=***}", typed.toString());
    }
}
