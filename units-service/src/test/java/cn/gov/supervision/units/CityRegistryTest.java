package cn.gov.supervision.units;

import cn.gov.supervision.testkit.HuzhouUnits;
import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.TopicProbe;
import cn.gov.supervision.units.service.ReferenceRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A deployment for another city (issue 14, item 4): units-service started with Xianyang's own reference file has
 * Xianyang's units and none of Huzhou's, announces them on units.events like units created through the API, strips
 * only its own city from names, and never takes another city's departments for its own.
 */
@QuarkusTest
@TestProfile(CityRegistryTest.Xianyang.class)
class CityRegistryTest {

    public static class Xianyang implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("units.registry.reference-units",
                    Path.of("src/test/resources/reference-units/xianyang.json").toAbsolutePath().toString());
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ReferenceRegistry registry;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void theRegistryHoldsTheCitysOwnUnitsAndNoneOfHuzhous() {
        JsonPath all = given().queryParam("size", 200).when().get("/api/v1/units").then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getList("items.code", String.class)).containsExactlyInAnyOrder("xy-zfb", "xy-spgg",
                "xy-spfwj", "xy-fgw", "xy-qindu", "xy-weicheng", "xy-xingping", "xy-districts", "xy-departments");
        assertThat(all.getList("items.name", String.class))
                .as("names stored simplified").contains("市政府办公室", "市行政审批服务局");
        given().when().get("/api/v1/units/" + HuzhouUnits.FGW).then().statusCode(404);
        given().when().get("/api/v1/units/" + HuzhouUnits.DISTRICTS).then().statusCode(404);

        String group = all.getString("items.find { it.code == 'xy-districts' }.id");
        assertThat(given().when().get("/api/v1/units/" + group + "/members").then().statusCode(200)
                .extract().jsonPath().getList("items.name", String.class))
                .containsExactlyInAnyOrder("秦都区政府", "渭城区政府", "兴平市政府");
    }

    @Test
    void namesResolveAgainstThisCityOnly() {
        List<Map<String, Object>> results = given().contentType("application/json")
                .body(Map.of("names", List.of("咸阳市行政审批服务局", "鹹陽市發展和改革委員會", "各县(市、区)政府",
                        "兴平市人民政府", "湖州市财政局", "湖州市发展改革委", "吴兴区政府", "各区县政府", "市直各部门")))
                .when().post("/api/v1/units/resolve").then().statusCode(200)
                .extract().jsonPath().getList("results");
        assertThat(results).extracting(r -> r.get("status")).containsExactly("RESOLVED", "RESOLVED", "RESOLVED",
                "RESOLVED", "UNRESOLVED", "UNRESOLVED", "UNRESOLVED", "UNRESOLVED", "UNRESOLVED");
        assertThat(results.subList(0, 4).stream().map(r -> String.valueOf(((Map<?, ?>) r.get("unit")).get("code"))))
                .containsExactly("xy-spfwj", "xy-fgw", "xy-districts", "xy-xingping");
    }

    @Test
    void theSetIsAnnouncedOnceAndLoadingAgainKeepsWhatWasChangedSince() throws Exception {
        String unitId = given().queryParam("q", "市审改办").when().get("/api/v1/units").then().statusCode(200)
                .body("total", equalTo(1)).extract().path("items[0].id");
        try (TopicProbe probe = TopicProbe.fromBeginning(bootstrapServers, "units.events")) {
            List<ConsumerRecord<String, String>> events = probe.awaitRecordsWithKey(unitId, 1, Duration.ofSeconds(60));
            assertThat(TopicProbe.json(events.get(0)).path("type").asText()).isEqualTo("UnitCreated");
            assertThat(TopicProbe.json(events.get(0)).path("payload").path("code").asText()).isEqualTo("xy-spgg");
        }
        given().contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("name", "市审改办公室", "aliases", List.of(), "kind", "CITY_DEPARTMENT"))
                .when().put("/api/v1/units/" + unitId).then().statusCode(200);

        assertThat(registry.registerConfiguredSet()).as("units registered by a second start").isZero();
        given().when().get("/api/v1/units/" + unitId).then().statusCode(200).body("name", equalTo("市审改办公室"));
        given().queryParam("size", 200).when().get("/api/v1/units").then().statusCode(200).body("total", equalTo(9));
    }
}
