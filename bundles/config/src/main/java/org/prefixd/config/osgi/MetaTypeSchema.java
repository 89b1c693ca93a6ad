package org.prefixd.config.osgi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.prefixd.config.AttributeSpec;
import org.prefixd.config.AttributeType;
import org.prefixd.config.Schema;

/** The metatype of all installed bundles as a {@link Schema}. */
final class MetaTypeSchema implements Schema {
    private final BundleContext context;
    private final MetaTypeService metaType;

    MetaTypeSchema(BundleContext context, MetaTypeService metaType) {
        this.context = context;
        this.metaType = metaType;
    }

    @Override
    public Optional<List<AttributeSpec>> attributes(String pid) {
        for (Bundle bundle : context.getBundles()) {
            // Only resolved bundles: asking about an INSTALLED one makes Felix resolve it on this
            // thread, which can take the global lock from a concurrent bundle update and fail it.
            if ((bundle.getState() & (Bundle.UNINSTALLED | Bundle.INSTALLED)) != 0) continue;
            try {
                MetaTypeInformation info = metaType.getMetaTypeInformation(bundle);
                if (info == null) continue;
                if (contains(info.getPids(), pid) || contains(info.getFactoryPids(), pid)) {
                    ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                    if (ocd != null) return Optional.of(specs(ocd));
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                // The bundle went away or its metatype is broken: it does not describe pid.
            }
        }
        return Optional.empty();
    }

    private static boolean contains(String[] pids, String pid) {
        return pids != null && Arrays.asList(pids).contains(pid);
    }

    private static List<AttributeSpec> specs(ObjectClassDefinition ocd) {
        Set<String> required = ids(ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED));
        List<AttributeSpec> specs = new ArrayList<>();
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
            // Metatype's "required" is about the value, not the file: with a default, the
            // component gets a value without the file naming it.
            boolean mustBeInFile = required.contains(ad.getID()) && ad.getDefaultValue() == null;
            String[] options = ad.getOptionValues();
            specs.add(new AttributeSpec(ad.getID(), type(ad.getType()), ad.getCardinality(), mustBeInFile,
                    options == null ? List.of() : List.of(options), value -> validate(ad, value)));
        }
        return specs;
    }

    private static Set<String> ids(AttributeDefinition[] ads) {
        return ads == null ? Set.of() : Arrays.stream(ads).map(AttributeDefinition::getID).collect(Collectors.toSet());
    }

    /**
     * The metatype implementation's own check, for what the core does not know: Felix checks
     * the min and max of the metatype XML. Called with one value at a time.
     */
    private static Optional<String> validate(AttributeDefinition ad, String value) {
        String result = ad.validate(value);
        if (result == null || result.isEmpty()) return Optional.empty();
        // Felix answers with untranslated resource keys: "%greater than maximum".
        return Optional.of(result.startsWith("%") ? result.substring(1) : result);
    }

    @SuppressWarnings("deprecation") // BIGINTEGER and BIGDECIMAL: Config Admin cannot store them.
    private static AttributeType type(int type) {
        switch (type) {
            case AttributeDefinition.LONG: return AttributeType.LONG;
            case AttributeDefinition.INTEGER: return AttributeType.INTEGER;
            case AttributeDefinition.SHORT: return AttributeType.SHORT;
            case AttributeDefinition.CHARACTER: return AttributeType.CHARACTER;
            case AttributeDefinition.BYTE: return AttributeType.BYTE;
            case AttributeDefinition.DOUBLE: return AttributeType.DOUBLE;
            case AttributeDefinition.FLOAT: return AttributeType.FLOAT;
            case AttributeDefinition.BOOLEAN: return AttributeType.BOOLEAN;
            case AttributeDefinition.PASSWORD: return AttributeType.PASSWORD;
            case AttributeDefinition.STRING:
            case AttributeDefinition.BIGINTEGER:
            case AttributeDefinition.BIGDECIMAL:
            default:
                return AttributeType.STRING;
        }
    }
}
