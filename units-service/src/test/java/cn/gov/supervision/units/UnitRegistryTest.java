package cn.gov.supervision.units;

import cn.gov.supervision.testkit.EventSchemas;
import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.TopicProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class UnitRegistryTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    /** The producer's own contract file, read from this module's classpath. */
    private static final String SCHEMA = "schemas/unit-event.schema.json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void referenceDataHasEveryUnitOfThePlanInSimplifiedChinese() {
        given().queryParam("size", 200).when().get("/api/v1/units")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(29))
                .body("items.name", hasItem("市发展改革委"))
                .body("items.name", hasItem("南太湖新区管委会"))
                .body("items.name", hasItem("国网湖州供电公司"));
        given().when().get("/api/v1/units/" + GGB)
                .then().statusCode(200)
                .header("ETag", matchesPattern("\"\\d+\""))
                .body("code", equalTo("city-ggb"))
                .body("aliases", hasItem("市政务办"))
                .body("kind", equalTo("CITY_DEPARTMENT"));
        given().when().get("/api/v1/units/" + CITY_RELEVANT_DEPARTMENTS)
                .then().statusCode(200).body("kind", equalTo("GROUP")).body("membership", equalTo("PER_TASK"));
    }

    @Test
    void groupsExpandToTheirMembers() {
        given().when().get("/api/v1/units/" + DISTRICTS + "/members")
                .then().statusCode(200)
                .body("membership", equalTo("FIXED"))
                .body("items.id", containsInAnyOrder(WUXING.toString(), NANXUN.toString(), DEQING.toString(),
                        CHANGXING.toString(), ANJI.toString(), NANTAIHU.toString()));
        given().when().get("/api/v1/units/" + CITY_DEPARTMENTS + "/members")
                .then().statusCode(200)
                .body("membership", equalTo("ALL_OF_KIND"))
                .body("items.kind", everyItem(equalTo("CITY_DEPARTMENT")))
                .body("items.id", hasItem(FGW.toString()))
                .body("items.id", hasItem(ZRZYGHJ.toString()))
                .body("items.id", not(hasItem(SGCC_HUZHOU.toString())));
        given().when().get("/api/v1/units/" + CITY_RELEVANT_DEPARTMENTS + "/members")
                .then().statusCode(200).body("membership", equalTo("PER_TASK")).body("items", emptyIterable());
        given().when().get("/api/v1/units/" + FGW + "/members")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void nestedGroupsExpandRecursivelyAndCannotContainThemselves() {
        String suffix = suffix();
        String inner = create(Map.of("code", "test-inner-" + suffix, "name", "测试内组" + suffix, "kind", "GROUP",
                "membership", "FIXED", "memberIds", List.of(WUXING, NANXUN))).extract().path("id");
        String outer = create(Map.of("code", "test-outer-" + suffix, "name", "测试外组" + suffix, "kind", "GROUP",
                "membership", "FIXED", "memberIds", List.of(inner, CZJ))).extract().path("id");
        given().when().get("/api/v1/units/" + outer + "/members")
                .then().statusCode(200)
                .body("items.id", containsInAnyOrder(WUXING.toString(), NANXUN.toString(), CZJ.toString()));

        String etag = given().when().get("/api/v1/units/" + inner).then().extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag)
                .body(Map.of("name", "测试内组" + suffix, "kind", "GROUP", "membership", "FIXED",
                        "memberIds", List.of(WUXING, outer)))
                .when().put("/api/v1/units/" + inner)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("group-contains-itself"));
        given().contentType("application/json").header("If-Match", etag)
                .body(Map.of("name", "测试内组" + suffix, "kind", "GROUP", "membership", "FIXED",
                        "memberIds", List.of(inner)))
                .when().put("/api/v1/units/" + inner)
                .then().statusCode(422);
        // nothing changed
        given().when().get("/api/v1/units/" + inner).then().header("ETag", equalTo(etag))
                .body("memberIds", containsInAnyOrder(WUXING.toString(), NANXUN.toString()));
    }

    @Test
    void createReadUpdateWithETagsAndEvents() {
        String suffix = suffix();
        try (TopicProbe probe = TopicProbe.fromNow(bootstrapServers, "units.events")) {
            ValidatableResponse created = create(Map.of("code", "test-dept-" + suffix,
                    "name", "市測試管理局" + suffix, "aliases", List.of("市測試局" + suffix),
                    "kind", "CITY_DEPARTMENT",
                    "contacts", List.of(Map.of("name", "張三", "role", "聯絡員", "email", "zhangsan@example.gov.cn",
                            "phone", "0572-1234567"))));
            String id = created.extract().path("id");
            created.header("Location", endsWith("/api/v1/units/" + id))
                    .header("ETag", equalTo("\"0\""))
                    .body("name", equalTo("市测试管理局" + suffix))
                    .body("aliases", contains("市测试局" + suffix))
                    .body("contacts[0].name", equalTo("张三"))
                    .body("contacts[0].role", equalTo("联络员"))
                    .body("active", equalTo(true));

            // 412 for a stale version, 428 without If-Match; neither changes anything
            Map<String, Object> update = Map.of("name", "市测试管理局" + suffix, "aliases",
                    List.of("市测试局" + suffix, "测试局" + suffix), "kind", "CITY_DEPARTMENT");
            given().contentType("application/json").header("If-Match", "\"7\"").body(update)
                    .when().put("/api/v1/units/" + id)
                    .then().statusCode(412).contentType("application/problem+json");
            given().contentType("application/json").body(update)
                    .when().put("/api/v1/units/" + id)
                    .then().statusCode(428).contentType("application/problem+json");
            given().contentType("application/json").header("If-Match", "\"0\"").body(update)
                    .when().put("/api/v1/units/" + id)
                    .then().statusCode(200)
                    .header("ETag", equalTo("\"1\""))
                    .body("aliases", contains("市测试局" + suffix, "测试局" + suffix))
                    .body("version", equalTo(1));
            given().contentType("application/json").header("If-Match", "\"0\"").body(update)
                    .when().put("/api/v1/units/" + id)
                    .then().statusCode(412);

            List<ConsumerRecord<String, String>> records = probe.awaitRecordsWithKey(id, 2, EVENT_TIMEOUT);
            JsonNode createdEvent = TopicProbe.json(records.get(0));
            assertThat(createdEvent.path("type").asText()).isEqualTo("UnitCreated");
            assertThat(createdEvent.path("unitId").asText()).isEqualTo(id);
            assertThat(createdEvent.path("schemaVersion").asInt()).isEqualTo(1);
            assertThat(createdEvent.path("eventId").asText()).isNotBlank();
            assertThat(createdEvent.path("occurredAt").asText()).isNotBlank();
            assertThat(createdEvent.path("payload").path("name").asText()).isEqualTo("市测试管理局" + suffix);
            assertThat(createdEvent.path("payload").path("contacts").get(0).path("email").asText())
                    .isEqualTo("zhangsan@example.gov.cn");
            records.forEach(r -> assertThat(EventSchemas.violations(SCHEMA, TopicProbe.json(r))).isEmpty());
            assertThat(EventSchemas.violations(SCHEMA, ((ObjectNode) createdEvent.deepCopy()).put("schemaVersion", 2)))
                    .as("the schema really constrains events").isNotEmpty();
            JsonNode updatedEvent = TopicProbe.json(records.get(1));
            assertThat(updatedEvent.path("type").asText()).isEqualTo("UnitUpdated");
            assertThat(updatedEvent.path("payload").path("version").asLong()).isEqualTo(1);
            assertThat(updatedEvent.path("payload").path("aliases")).hasSize(2);

            // 市级各部门 stands for every city department, so it announces its new member
            List<ConsumerRecord<String, String>> groupEvents =
                    probe.awaitRecordsWithKey(CITY_DEPARTMENTS.toString(), 1, EVENT_TIMEOUT);
            assertThat(EventSchemas.violations(SCHEMA, TopicProbe.json(groupEvents.get(0)))).isEmpty();
            assertThat(TopicProbe.json(groupEvents.get(0)).path("payload").path("expandedMemberIds").toString())
                    .contains(id);
        }
    }

    @Test
    void traditionalQueriesFindSimplifiedNamesAndAliases() {
        given().queryParam("q", "發展改革").when().get("/api/v1/units")
                .then().statusCode(200).body("items.id", hasItem(FGW.toString()));
        given().queryParam("q", "政務辦").when().get("/api/v1/units")
                .then().statusCode(200).body("items.id", contains(GGB.toString())).body("total", equalTo(1));
        given().queryParam("q", "区县").queryParam("kind", "GROUP").when().get("/api/v1/units")
                .then().statusCode(200).body("items.id", contains(DISTRICTS.toString()));
        given().queryParam("kind", "DISTRICT_GOVERNMENT").queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/v1/units")
                .then().statusCode(200).body("items", hasSize(2)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("total", equalTo(6));
        given().queryParam("q", "100%_").when().get("/api/v1/units")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void namesAndCodesAreUniqueAmongActiveUnits() {
        String suffix = suffix();
        create(Map.of("code", "test-unique-" + suffix, "name", "市唯一局" + suffix, "aliases", List.of("唯一别名" + suffix),
                "kind", "CITY_DEPARTMENT"));
        given().contentType("application/json").body(Map.of("code", "test-unique-" + suffix, "name", "别的名字" + suffix,
                        "kind", "CITY_DEPARTMENT"))
                .when().post("/api/v1/units")
                .then().statusCode(409).contentType("application/problem+json").body("type", endsWith("code-taken"));
        // the same name written in traditional characters and with a stray space is the same name
        given().contentType("application/json").body(Map.of("code", "test-clash-" + suffix, "name", "市 唯一局" + suffix,
                        "kind", "CITY_DEPARTMENT"))
                .when().post("/api/v1/units")
                .then().statusCode(409).body("type", endsWith("name-taken"));
        given().contentType("application/json").body(Map.of("code", "test-clash-" + suffix, "name", "新名字" + suffix,
                        "aliases", List.of("唯一別名" + suffix), "kind", "CITY_DEPARTMENT"))
                .when().post("/api/v1/units")
                .then().statusCode(409).body("detail", containsString("test-unique-" + suffix));
        given().contentType("application/json").body(Map.of("code", "test-clash-" + suffix, "name", "市政务办",
                        "kind", "CITY_DEPARTMENT"))
                .when().post("/api/v1/units")
                .then().statusCode(409).body("detail", containsString("city-ggb"));
        given().queryParam("q", "新名字" + suffix).when().get("/api/v1/units").then().body("total", equalTo(0));
    }

    @Test
    void invalidUnitsAreRejectedWithFieldErrors() {
        given().contentType("application/json").body(Map.of("code", "Bad Code", "name", "", "kind", "CITY_DEPARTMENT",
                        "contacts", List.of(Map.of("name", "李四", "email", "not-an-email"))))
                .when().post("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("code", "name", "contacts[0].email"));
        given().contentType("application/json").body(Map.of("code", "test-x-" + suffix(), "name", "名".repeat(101),
                        "kind", "CITY_DEPARTMENT"))
                .when().post("/api/v1/units")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        given().contentType("application/json").body(Map.of("code", "test-x-" + suffix(), "name", "非组单位" + suffix(),
                        "kind", "CITY_DEPARTMENT", "memberIds", List.of(FGW)))
                .when().post("/api/v1/units")
                .then().statusCode(400).body("errors.field", hasItem("membership"));
        given().contentType("application/json").body(Map.of("code", "test-x-" + suffix(), "name", "组" + suffix(),
                        "kind", "GROUP", "memberIds", List.of(UUID.randomUUID())))
                .when().post("/api/v1/units")
                .then().statusCode(422).body("type", endsWith("unknown-unit"));
        given().contentType("application/json").body("{\"code\":\"test-y\",\"name\":\"某局\",\"kind\":\"CITY_DEPARTMENT\",\"colour\":\"red\"}")
                .when().post("/api/v1/units")
                .then().statusCode(400).body("errors.field", hasItem("colour"));
        given().queryParam("q", "某局").when().get("/api/v1/units").then().body("total", equalTo(0));
    }

    @Test
    void deactivatedUnitsStayResolvableButFreeTheirName() {
        String suffix = suffix();
        try (TopicProbe probe = TopicProbe.fromNow(bootstrapServers, "units.events")) {
            String id = create(Map.of("code", "test-old-" + suffix, "name", "市旧局" + suffix, "kind", "CITY_DEPARTMENT"))
                    .extract().path("id");
            given().when().delete("/api/v1/units/" + id)
                    .then().statusCode(200).body("active", equalTo(false));
            given().when().get("/api/v1/units/" + id).then().statusCode(200).body("active", equalTo(false));
            given().queryParam("active", false).queryParam("q", "旧局" + suffix).when().get("/api/v1/units")
                    .then().body("items.id", contains(id));
            given().contentType("application/json").body(Map.of("names", List.of("市舊局" + suffix)))
                    .when().post("/api/v1/units/resolve")
                    .then().body("results[0].status", equalTo("RESOLVED"))
                    .body("results[0].unit.id", equalTo(id))
                    .body("results[0].unit.active", equalTo(false));
            // the name is free again; a new active unit with it wins resolution
            String successor = create(Map.of("code", "test-new-" + suffix, "name", "市旧局" + suffix,
                    "kind", "CITY_DEPARTMENT")).extract().path("id");
            given().contentType("application/json").body(Map.of("names", List.of("市旧局" + suffix)))
                    .when().post("/api/v1/units/resolve")
                    .then().body("results[0].unit.id", equalTo(successor));
            List<ConsumerRecord<String, String>> events = probe.awaitRecordsWithKey(id, 2, EVENT_TIMEOUT);
            assertThat(events).extracting(r -> TopicProbe.json(r).path("type").asText())
                    .containsExactly("UnitCreated", "UnitDeactivated");
            assertThat(TopicProbe.json(events.get(1)).path("payload").path("active").asBoolean()).isFalse();
        }
    }

    @Test
    void contactHandoversAreKept() {
        String suffix = suffix();
        try (TopicProbe probe = TopicProbe.fromNow(bootstrapServers, "units.events")) {
            String id = create(Map.of("code", "test-contacts-" + suffix, "name", "市联络局" + suffix,
                    "kind", "CITY_DEPARTMENT",
                    "contacts", List.of(Map.of("name", "王五", "role", "联络员", "email", "wangwu@example.gov.cn"))))
                    .extract().path("id");
            given().contentType("application/json")
                    .header("Authorization", TestTokens.bearer(TestTokens.named("sub-li", "李四", "admin", null)))
                    .body(Map.of("contacts", List.of(
                            Map.of("name", "趙六", "role", "聯絡員", "email", "zhaoliu@example.gov.cn"),
                            Map.of("name", "钱七", "role", "分管领导", "phone", "13800000000"))))
                    .when().put("/api/v1/units/" + id + "/contacts")
                    .then().statusCode(200)
                    .header("ETag", equalTo("\"1\""))
                    .body("contacts.name", contains("赵六", "钱七"));
            given().contentType("application/json").header("If-Match", "\"0\"")
                    .body(Map.of("contacts", List.of()))
                    .when().put("/api/v1/units/" + id + "/contacts")
                    .then().statusCode(412);
            given().contentType("application/json")
                    .body(Map.of("contacts", List.of(Map.of("name", "孙八", "email", "bad@"))))
                    .when().put("/api/v1/units/" + id + "/contacts")
                    .then().statusCode(400).body("errors.field", hasItem("contacts[0].email"));
            given().when().get("/api/v1/units/" + id + "/contacts/history")
                    .then().statusCode(200)
                    .body("items", hasSize(2))
                    .body("items[0].previous", emptyIterable())
                    .body("items[0].current.name", contains("王五"))
                    .body("items[1].previous.name", contains("王五"))
                    .body("items[1].current.name", contains("赵六", "钱七"))
                    .body("items[1].requestId", not(equalTo(null)))
                    // a handover record says who handed over: the creator, then whoever replaced the contacts
                    .body("items[0].changedBy", equalTo("test-admin"))
                    .body("items[1].changedBy", equalTo("李四"));
            List<ConsumerRecord<String, String>> events = probe.awaitRecordsWithKey(id, 2, EVENT_TIMEOUT);
            events.forEach(r -> assertThat(EventSchemas.violations(SCHEMA, TopicProbe.json(r))).isEmpty());
            JsonNode changed = TopicProbe.json(events.get(1));
            assertThat(changed.path("type").asText()).isEqualTo("ContactsChanged");
            assertThat(changed.path("payload").path("contacts").get(1).path("role").asText()).isEqualTo("分管领导");
        }
        given().when().get("/api/v1/units/" + UUID.randomUUID() + "/contacts/history")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyUnitCanBePublishedAgainForConsumersThatLostTheStream() {
        try (TopicProbe probe = TopicProbe.fromNow(bootstrapServers, "units.events")) {
            int republished = given().when().post("/api/v1/units/republish")
                    .then().statusCode(202).extract().path("republished");
            assertThat(republished).isGreaterThanOrEqualTo(COUNT);
            List<ConsumerRecord<String, String>> events = probe.awaitRecords(
                    r -> TopicProbe.json(r).path("type").asText().equals("UnitUpdated"), republished, EVENT_TIMEOUT);
            assertThat(events).extracting(ConsumerRecord::key).contains(FGW.toString(), DISTRICTS.toString());
        }
    }

    static ValidatableResponse create(Map<String, Object> unit) {
        return given().contentType("application/json").body(new HashMap<>(unit))
                .when().post("/api/v1/units")
                .then().statusCode(201);
    }

    static String suffix() {
        return Integer.toString((int) (Math.random() * 1_000_000));
    }
}
