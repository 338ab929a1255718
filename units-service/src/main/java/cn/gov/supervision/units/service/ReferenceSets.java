package cn.gov.supervision.units.service;

import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.units.config.RegistryConfig;
import cn.gov.supervision.units.domain.GroupMembership;
import cn.gov.supervision.units.domain.UnitKind;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference set this deployment is configured with ({@code units.registry.reference-units}), read once and checked
 * as a whole: a file with a mistake stops the start with the entry and the reason, since a registry loaded halfway
 * would resolve a plan's names wrongly without anyone noticing.
 */
@ApplicationScoped
public class ReferenceSets {

    static final String BUILT_IN = "huzhou";
    static final String NONE = "none";

    private final RegistryConfig config;
    private final ObjectMapper reader;
    private volatile ReferenceSet configured;

    public ReferenceSets(RegistryConfig config, ObjectMapper objectMapper) {
        this.config = config;
        // the service's own mapper refuses unknown fields (API strictness); a city's file may carry notes of its own
        this.reader = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public ReferenceSet configured() {
        ReferenceSet set = configured;
        if (set == null) {
            set = checked(read(config.referenceUnits().trim()));
            configured = set;
        }
        return set;
    }

    /** The city's name as documents put it before a department's name, or empty when unknown. */
    public Optional<String> city() {
        return config.city().or(() -> Optional.ofNullable(configured().city())).map(String::trim)
                .filter(city -> !city.isEmpty()).map(ChineseText::clean);
    }

    private ReferenceSet read(String source) {
        if (NONE.equals(source)) {
            return ReferenceSet.EMPTY;
        }
        try {
            if (BUILT_IN.equals(source)) {
                try (InputStream in = ReferenceSets.class.getResourceAsStream("/reference-units/huzhou.json")) {
                    return reader.readValue(in, ReferenceSet.class);
                }
            }
            Path file = Path.of(source.startsWith("file:") ? source.substring("file:".length()) : source);
            return reader.readValue(Files.readAllBytes(file), ReferenceSet.class);
        } catch (IOException e) {
            throw new IllegalStateException("units.registry.reference-units=" + source + ": cannot read the reference "
                    + "units (huzhou, none, or the path of a JSON file like reference-units/huzhou.json): " + e.getMessage(), e);
        }
    }

    private static ReferenceSet checked(ReferenceSet set) {
        if (set.units() == null) {
            return new ReferenceSet(set.city(), java.util.List.of());
        }
        Set<String> codes = new HashSet<>();
        Map<String, String> names = new HashMap<>();
        for (ReferenceSet.Entry entry : set.units()) {
            String at = "reference unit " + entry.code() + ": ";
            if (entry.code() == null || !entry.code().matches("[a-z0-9][a-z0-9-]{1,63}")) {
                throw invalid(at + "code must be a lower-case ASCII slug such as city-fgw");
            }
            if (!codes.add(entry.code())) {
                throw invalid(at + "the code appears twice");
            }
            if (entry.name() == null || entry.name().isBlank() || entry.kind() == null) {
                throw invalid(at + "name and kind are required");
            }
            for (String name : entry.names()) {
                String other = names.putIfAbsent(ChineseText.matchKey(name), entry.code());
                if (other != null && !other.equals(entry.code())) {
                    throw invalid(at + "the name " + name + " also belongs to " + other);
                }
            }
            for (String member : entry.memberCodes()) {
                if (!codes.contains(member) || member.equals(entry.code())) {
                    throw invalid(at + "member " + member + " must be listed before the group");
                }
            }
            if (entry.kind() == UnitKind.GROUP && entry.membership() == GroupMembership.ALL_OF_KIND
                    && entry.memberKind() == null) {
                throw invalid(at + "an ALL_OF_KIND group needs a memberKind");
            }
        }
        return set;
    }

    private static IllegalStateException invalid(String reason) {
        return new IllegalStateException("units.registry.reference-units: " + reason);
    }
}
