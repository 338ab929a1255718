package cn.gov.supervision.units;

import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static cn.gov.supervision.testkit.HuzhouUnits.CZJ;
import static cn.gov.supervision.testkit.HuzhouUnits.FGW;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * {@code POST /api/v1/units/{id}/aliases}: a spelling a document used becomes another name of the unit (the importer
 * remembers the names a person mapped), announced like any change; adding it again changes nothing.
 */
@QuarkusTest
class UnitAliasTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void aSpellingBecomesAnAliasOnceAndResolves() throws Exception {
        String spelling = "湖州市發改委" + UnitRegistryTest.suffix();
        given().contentType("application/json").body(Map.of("names", List.of(spelling)))
                .when().post("/api/v1/units/resolve").then().statusCode(200).body("results[0].status", equalTo("UNRESOLVED"));
        long version = given().when().get("/api/v1/units/" + FGW).then().statusCode(200).extract().jsonPath().getLong("version");

        try (TopicProbe probe = TopicProbe.fromNow(bootstrapServers, "units.events")) {
            given().contentType("application/json").body(Map.of("alias", spelling))
                    .when().post("/api/v1/units/" + FGW + "/aliases").then().statusCode(200)
                    .header("ETag", "\"" + (version + 1) + "\"")
                    .body("aliases", hasItem(spelling.replace("發", "发")));
            List<ConsumerRecord<String, String>> events = probe.awaitRecordsWithKey(FGW.toString(), 1, Duration.ofSeconds(30));
            assertThat(TopicProbe.json(events.get(0)).path("type").asText()).isEqualTo("UnitUpdated");
        }
        given().contentType("application/json").body(Map.of("names", List.of(spelling)))
                .when().post("/api/v1/units/resolve").then().statusCode(200)
                .body("results[0].status", equalTo("RESOLVED")).body("results[0].unit.id", equalTo(FGW.toString()));

        // the same name again, in simplified characters this time: nothing changes
        given().contentType("application/json").body(Map.of("alias", spelling.replace("發", "发")))
                .when().post("/api/v1/units/" + FGW + "/aliases").then().statusCode(200)
                .header("ETag", "\"" + (version + 1) + "\"");
    }

    @Test
    void aNameOfAnotherUnitOrABadRequestChangesNothing() {
        String before = given().when().get("/api/v1/units/" + CZJ).then().statusCode(200).extract().asString();
        given().contentType("application/json").body(Map.of("alias", "市发改委"))
                .when().post("/api/v1/units/" + CZJ + "/aliases").then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("city-fgw"));
        given().contentType("application/json").body(Map.of("alias", " "))
                .when().post("/api/v1/units/" + CZJ + "/aliases").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("alias"));
        given().contentType("application/json").body(Map.of("alias", "市".repeat(101)))
                .when().post("/api/v1/units/" + CZJ + "/aliases").then().statusCode(400);
        given().contentType("application/json").body(Map.of("alias", "无此单位"))
                .when().post("/api/v1/units/00000000-0000-0000-0000-000000000001/aliases").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(TestTokens.supervisor())).contentType("application/json")
                .body(Map.of("alias", "财政")).when().post("/api/v1/units/" + CZJ + "/aliases").then().statusCode(403);
        given().when().get("/api/v1/units/" + CZJ).then().statusCode(200).body(equalTo(before));
    }
}
