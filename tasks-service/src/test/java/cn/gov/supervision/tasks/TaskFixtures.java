package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.HuzhouUnits;
import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.UnitsServiceTestResource;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Small builders for the tests: plans, tasks, and waiting until units-service's events have arrived. */
final class TaskFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private TaskFixtures() {
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The reference units reach this service through units.events; tests that name them wait for that. */
    static void awaitReferenceUnits() {
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM unit_ref") >= HuzhouUnits.COUNT);
    }

    static void awaitUnitKnown(String unitId, boolean active) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM unit_ref WHERE id = '" + UUID.fromString(unitId) + "' AND active = " + active) == 1);
    }

    /** A unit registered in the real units-service, once this service has learnt of it from units.events. */
    static UUID newUnit(String mark) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String units = UnitsServiceTestResource.unitsService("units_for_tasks_test").baseUrl();
        String id = given().baseUri(units).contentType("application/json")
                .body(Map.of("code", "access-" + suffix, "name", "权限测试" + mark + "局" + suffix, "kind", "CITY_DEPARTMENT"))
                .when().post("/api/v1/units").then().statusCode(201).extract().path("id");
        awaitUnitKnown(id, true);
        return UUID.fromString(id);
    }

    static long count(String sql) throws SQLException {
        return PostgresTestResource.count(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), sql);
    }

    static void execute(String sql) throws SQLException {
        PostgresTestResource.execute(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), sql);
    }

    static String createPlan(String title, int year) {
        return given().contentType("application/json")
                .body(Map.of("title", title, "year", year, "issuer", "湖州市人民政府办公室"))
                .when().post("/api/v1/plans")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> dated(LocalDate dueDate) {
        return Map.of("text", dueDate.getMonthValue() + "月" + dueDate.getDayOfMonth() + "日前", "kind", "DATE",
                "dueDate", dueDate.toString());
    }

    static Map<String, Object> deadline(String kind) {
        return Map.of("kind", kind);
    }

    static ValidatableResponse createTask(String planId, String code, String title, List<UUID> leads, List<UUID> cos,
                                          Map<String, Object> deadline) {
        return createTask(planId, code, "KEY_TASK", title, leads, cos, deadline);
    }

    static ValidatableResponse createTask(String planId, String code, String category, String title, List<UUID> leads,
                                          List<UUID> cos, Map<String, Object> deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", planId);
        body.put("code", code);
        body.put("category", category);
        body.put("title", title);
        body.put("description", title + "。");
        body.put("leadUnitIds", leads);
        body.put("coUnitIds", cos);
        body.put("deadline", deadline);
        return given().contentType("application/json").body(body)
                .when().post("/api/v1/tasks")
                .then().statusCode(201);
    }

    static String assignmentPath(String taskId, UUID unitId) {
        return "/api/v1/tasks/" + taskId + "/assignments/" + unitId;
    }

    static ValidatableResponse post(String path, Object body) {
        return given().contentType("application/json").body(body).when().post(path).then();
    }

    static ValidatableResponse post(String path) {
        return given().when().post(path).then();
    }

    /**
     * An approval by a supervisor: the tests request as the default admin, and whoever requested may not approve
     * (separation of duties).
     */
    static ValidatableResponse approve(String path) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.supervisor())).when().post(path).then();
    }

    static ValidatableResponse reportProgress(String taskId, UUID unitId, int percent) {
        return post(assignmentPath(taskId, unitId) + "/progress",
                Map.of("text", "已完成" + percent + "%", "percent", percent, "links", List.of("https://example.gov.cn/p")));
    }

    /** Progress, completion request and approval: the unit's part is done. */
    static void complete(String taskId, UUID unitId) {
        reportProgress(taskId, unitId, 90).statusCode(200);
        post(assignmentPath(taskId, unitId) + "/completion-request",
                Map.of("evidence", "已按要求完成", "links", List.of())).statusCode(200);
        approve(assignmentPath(taskId, unitId) + "/completion-request/approve").statusCode(200);
    }
}
