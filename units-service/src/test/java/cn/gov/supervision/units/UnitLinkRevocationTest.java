package cn.gov.supervision.units;

import cn.gov.supervision.testkit.EventSchemas;
import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.TopicProbe;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * An administrator revokes a unit's signed links (calendar subscriptions, acknowledgement links) by bumping its link
 * version; the revocation is recorded and announced on units.events, from which the services that sign links learn it.
 */
@QuarkusTest
class UnitLinkRevocationTest {

    private static final String SCHEMA = "schemas/unit-event.schema.json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void anAdministratorRevokesAUnitsLinksAndTheEventCarriesTheNewLinkVersion() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = given().contentType("application/json")
                .body(Map.of("code", "test-links-" + suffix, "name", "市链接局" + suffix, "kind", "CITY_DEPARTMENT"))
                .when().post("/api/v1/units").then().statusCode(201).body("linkVersion", equalTo(1))
                .extract().path("id");
        String etag = given().when().get("/api/v1/units/" + id).then().statusCode(200).extract().header("ETag");

        try (TopicProbe probe = TopicProbe.fromNow(bootstrapServers, "units.events")) {
            given().header("Authorization", TestTokens.bearer(TestTokens.named("sub-zhang", "张三", "admin", null)))
                    .when().post("/api/v1/units/" + id + "/link-revocations")
                    .then().statusCode(201)
                    .header("Location", org.hamcrest.Matchers.containsString("/api/v1/units/" + id + "/link-revocations/"))
                    .body("unitId", equalTo(id)).body("linkVersion", equalTo(2)).body("revokedBy", equalTo("张三"))
                    .body("requestId", not(nullValue()));
            given().when().post("/api/v1/units/" + id + "/link-revocations").then().statusCode(201)
                    .body("linkVersion", equalTo(3));

            List<ConsumerRecord<String, String>> events = probe.awaitRecordsWithKey(id, 2, Duration.ofSeconds(30));
            events.forEach(r -> assertThat(EventSchemas.violations(SCHEMA, TopicProbe.json(r))).isEmpty());
            assertThat(events).extracting(r -> TopicProbe.json(r).path("type").asText())
                    .containsExactly("LinksRevoked", "LinksRevoked");
            JsonNode last = TopicProbe.json(events.get(1)).path("payload");
            assertThat(last.path("linkVersion").asLong()).isEqualTo(3);
            assertThat(last.path("name").asText()).isEqualTo("市链接局" + suffix);
        }
        // the unit's state changed, so its ETag did too
        given().when().get("/api/v1/units/" + id).then().statusCode(200).body("linkVersion", equalTo(3))
                .header("ETag", not(equalTo(etag)));
        given().when().get("/api/v1/units/" + id + "/link-revocations").then().statusCode(200)
                .body("items", hasSize(2)).body("items.linkVersion", contains(2, 3))
                .body("items.revokedBy", contains("张三", "test-admin"));
    }

    @Test
    void onlyAnAdministratorRevokesLinks() {
        String id = given().contentType("application/json")
                .body(Map.of("code", "test-links-" + UUID.randomUUID().toString().substring(0, 8), "name",
                        "市未撤销局" + UUID.randomUUID().toString().substring(0, 4), "kind", "CITY_DEPARTMENT"))
                .when().post("/api/v1/units").then().statusCode(201).extract().path("id");
        for (String token : new String[] {TestTokens.supervisor(), TestTokens.viewer(),
                TestTokens.unit(UUID.fromString(id))}) {
            given().header("Authorization", TestTokens.bearer(token))
                    .when().post("/api/v1/units/" + id + "/link-revocations")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        TestTokens.anonymous().when().post("/api/v1/units/" + id + "/link-revocations")
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/v1/units/" + id).then().body("linkVersion", equalTo(1));
        given().when().get("/api/v1/units/" + id + "/link-revocations").then().statusCode(200).body("items", hasSize(0));
        given().when().post("/api/v1/units/" + UUID.randomUUID() + "/link-revocations")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
