package cn.gov.supervision.units.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Which city's registry this deployment starts from. */
@ConfigMapping(prefix = "units.registry")
public interface RegistryConfig {

    /**
     * The reference units loaded at start-up: {@code huzhou} (built in, the units of the Huzhou 2022 plan), {@code none}
     * (an empty registry, filled through the API), or the path of a city's own reference file (the format of
     * {@code reference-units/huzhou.json}). Loading is idempotent by unit code: units already registered are left as
     * they are, so edits made through the API survive restarts.
     */
    @WithDefault("huzhou")
    String referenceUnits();

    /**
     * The city's name as its documents write it before a department's name (湖州 in 湖州市财政局, which then also
     * matches 市财政局). Defaults to the reference file's {@code city}; a registry without one matches names literally.
     */
    Optional<String> city();
}
