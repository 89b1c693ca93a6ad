package org.prefixd.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a schema says about one property, the subset of a metatype AttributeDefinition that
 * typing a file needs.
 *
 * @param id the property key
 * @param type the value type
 * @param cardinality 0 for a scalar; otherwise multi-valued (comma-separated in the file), at
 *        most |cardinality| values ({@link Integer#MAX_VALUE} or {@link Integer#MIN_VALUE}:
 *        unbounded); positive gives an array, negative a {@link List}
 * @param required true when the property has no default and must be in the file
 * @param options the allowed values as text, empty when any value of the type is allowed
 * @param validator a further check of each value, e.g. the metatype implementation's range
 *        check
 */
public record AttributeSpec(String id, AttributeType type, int cardinality, boolean required, List<String> options,
        Validator validator) {

    /** A further check of a single (already type-checked) value. */
    @FunctionalInterface
    public interface Validator {
        /** @return what is wrong with the value, empty when it is accepted */
        Optional<String> problem(String value);

        Validator NONE = value -> Optional.empty();
    }

    public AttributeSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
        Objects.requireNonNull(validator, "validator");
    }

    /** A scalar attribute with a default, without options. */
    public static AttributeSpec optional(String id, AttributeType type) {
        return new AttributeSpec(id, type, 0, false, List.of(), Validator.NONE);
    }

    /** A scalar attribute without default, without options. */
    public static AttributeSpec required(String id, AttributeType type) {
        return new AttributeSpec(id, type, 0, true, List.of(), Validator.NONE);
    }

    public AttributeSpec withCardinality(int cardinality) {
        return new AttributeSpec(id, type, cardinality, required, options, validator);
    }

    public AttributeSpec withOptions(String... options) {
        return new AttributeSpec(id, type, cardinality, required, List.of(options), validator);
    }

    public AttributeSpec withValidator(Validator validator) {
        return new AttributeSpec(id, type, cardinality, required, options, validator);
    }

    /** @return the largest number of values a multi-valued attribute takes */
    public int maxValues() {
        if (cardinality == Integer.MIN_VALUE) return Integer.MAX_VALUE;
        return Math.abs(cardinality);
    }
}
