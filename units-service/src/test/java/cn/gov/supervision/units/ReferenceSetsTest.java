package cn.gov.supervision.units;

import cn.gov.supervision.units.config.RegistryConfig;
import cn.gov.supervision.units.service.ReferenceSets;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A city's reference file is checked as a whole before anything is registered; a mistake names the entry. */
class ReferenceSetsTest {

    @TempDir
    Path folder;

    @Test
    void theBuiltInSetIsHuzhousAndNoneIsEmpty() {
        assertThat(sets("huzhou", null).configured().units()).hasSize(29);
        assertThat(sets("huzhou", null).city()).contains("湖州");
        assertThat(sets("none", null).configured().units()).isEmpty();
        assertThat(sets("none", null).city()).isEmpty();
        assertThat(sets("none", "杭州").city()).contains("杭州");
    }

    @Test
    void mistakesStopTheStartNamingTheEntry() throws IOException {
        assertRefused("""
                {"units": [{"code": "a-1", "name": "市财政局", "kind": "CITY_DEPARTMENT"},
                           {"code": "a-1", "name": "市教育局", "kind": "CITY_DEPARTMENT"}]}""", "a-1: the code appears twice");
        assertRefused("""
                {"units": [{"code": "a-1", "name": "市财政局", "kind": "CITY_DEPARTMENT"},
                           {"code": "a-2", "name": "市教育局", "kind": "CITY_DEPARTMENT", "aliases": ["市財政局"]}]}""",
                "a-2: the name 市財政局 also belongs to a-1");
        assertRefused("""
                {"units": [{"code": "g-1", "name": "各区县政府", "kind": "GROUP", "membership": "FIXED", "members": ["d-1"]},
                           {"code": "d-1", "name": "某区政府", "kind": "DISTRICT_GOVERNMENT"}]}""",
                "g-1: member d-1 must be listed before the group");
        assertRefused("""
                {"units": [{"code": "a-1", "name": "市财政局"}]}""", "a-1: name and kind are required");
        assertRefused("""
                {"units": [{"code": "A 1", "name": "市财政局", "kind": "CITY_DEPARTMENT"}]}""", "code must be");
        assertRefused("""
                {"units": [{"code": "a-1", "name": "市财政局", "kind": "NO_SUCH_KIND"}]}""", "cannot read");
        assertThatThrownBy(() -> sets(folder.resolve("missing.json").toString(), null).configured())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing.json");
    }

    private void assertRefused(String json, String reason) throws IOException {
        Path file = Files.writeString(folder.resolve("city.json"), json, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> sets(file.toString(), null).configured())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("units.registry.reference-units")
                .hasMessageContaining(reason);
    }

    private static ReferenceSets sets(String referenceUnits, String city) {
        return new ReferenceSets(new RegistryConfig() {
            @Override
            public String referenceUnits() {
                return referenceUnits;
            }

            @Override
            public Optional<String> city() {
                return Optional.ofNullable(city);
            }
        }, new ObjectMapper());
    }
}
