package cn.gov.supervision.tasks;

import cn.gov.supervision.kit.security.LinkSignatures;
import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.UnitsServiceTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Calendar subscription links stay valid without expiry (calendar apps refresh silently), but an administrator can
 * revoke one unit's links in units-service: the unit's link version goes up, this service learns it from units.events,
 * and every link issued before is refused while other units' links keep working.
 */
@QuarkusTest
class CalendarLinkRevocationTest {

    @ConfigProperty(name = "tasks.calendar-secret")
    String calendarSecret;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void revokingAUnitsLinksStopsItsOldLinksButNotAnotherUnits() {
        String unitsService = UnitsServiceTestResource.unitsService("units_for_tasks_test").baseUrl();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String revoked = createUnit(unitsService, "test-cal-a-" + suffix, "市日历甲局" + suffix);
        String kept = createUnit(unitsService, "test-cal-b-" + suffix, "市日历乙局" + suffix);
        TaskFixtures.awaitUnitKnown(revoked, true);
        TaskFixtures.awaitUnitKnown(kept, true);
        String plan = TaskFixtures.createPlan("日历撤销测试计划" + suffix, 2032);
        TaskFixtures.createTask(plan, "CR-1", "甲局任务", List.of(UUID.fromString(revoked)), List.of(),
                TaskFixtures.dated(LocalDate.of(2032, 6, 30)));

        String oldLink = subscriptionLink(revoked);
        String otherLink = subscriptionLink(kept);
        // links issued before links carried a version signed the bare unit id
        String legacyLink = "/api/v1/tasks/calendar/" + revoked + ".ics?sig=" + legacySignature(revoked);
        String otherLegacyLink = "/api/v1/tasks/calendar/" + kept + ".ics?sig=" + legacySignature(kept);
        assertThat(oldLink).contains("v=1&sig=");
        for (String link : List.of(oldLink, otherLink, legacyLink, otherLegacyLink)) {
            calendarStatus(link, 200);
        }
        TestTokens.anonymous().urlEncodingEnabled(false).when().get(oldLink).then()
                .body(containsString("【CR-1】甲局任务"));

        given().baseUri(unitsService).when().post("/api/v1/units/" + revoked + "/link-revocations")
                .then().statusCode(201).body("linkVersion", equalTo(2));

        // once this service has read the revocation, the unit's links made before it are refused…
        await().atMost(Duration.ofSeconds(30)).until(() -> TestTokens.anonymous().urlEncodingEnabled(false)
                .when().get(oldLink).then().extract().statusCode() == 410);
        TestTokens.anonymous().urlEncodingEnabled(false).when().get(oldLink).then().statusCode(410)
                .contentType("application/problem+json").body("detail", containsString("revoked"));
        calendarStatus(legacyLink, 410);
        // …while another unit's links, at their unchanged version, keep working
        calendarStatus(otherLink, 200);
        calendarStatus(otherLegacyLink, 200);

        // a new link carries the new version and works; its version cannot be changed back or forward
        String newLink = subscriptionLink(revoked);
        assertThat(newLink).contains("v=2&sig=").isNotEqualTo(oldLink);
        calendarStatus(newLink, 200);
        calendarStatus(newLink.replace("v=2&", "v=1&"), 403);
        calendarStatus(newLink.replace("v=2&", "v=3&"), 403);
        calendarStatus(newLink.replace("v=2&", "v=x&"), 403);
        calendarStatus(newLink.replace(revoked, kept), 403);
    }

    private static String createUnit(String unitsService, String code, String name) {
        return given().baseUri(unitsService).contentType("application/json")
                .body(Map.of("code", code, "name", name, "kind", "CITY_DEPARTMENT"))
                .when().post("/api/v1/units").then().statusCode(201).extract().path("id");
    }

    private static String subscriptionLink(String unitId) {
        String url = given().queryParam("unitId", unitId).when().get("/api/v1/tasks/calendar-subscription")
                .then().statusCode(200).extract().path("url");
        return url.substring("http://localhost:8080".length());
    }

    private String legacySignature(String unitId) {
        return LinkSignatures.hmacSha256Hex(calendarSecret.getBytes(StandardCharsets.UTF_8),
                unitId.getBytes(StandardCharsets.UTF_8));
    }

    private static void calendarStatus(String link, int status) {
        TestTokens.anonymous().urlEncodingEnabled(false).when().get(link).then().statusCode(status);
    }
}
