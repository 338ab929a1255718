package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.UnitsServiceTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.supervision.tasks.TaskFixtures.assignmentPath;
import static cn.gov.supervision.testkit.HuzhouUnits.DISTRICTS;
import static cn.gov.supervision.testkit.HuzhouUnits.NANXUN;
import static cn.gov.supervision.testkit.HuzhouUnits.WUXING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/**
 * Who may do what, over HTTP against the running service: roles decide the operation, and a unit user is confined
 * to its own assignments. Units A and B are created for this test, so what A may see is known exactly.
 */
@QuarkusTest
class TaskAccessTest {

    private static final String PROGRESS = "/progress";
    private static final Map<String, Object> SOME_PROGRESS = Map.of("text", "已完成一半", "percent", 50);

    private static UUID unitA;
    private static UUID unitB;
    private static String planId;
    /** Led by A, B co-operates. */
    private static String shared;
    /** A alone, with a due date (for extension requests). */
    private static String ownOnly;
    /** B alone: A has no part in it. */
    private static String othersOnly;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    /** Rest Assured points at the application only once a test runs, so the shared data is made by the first one. */
    @BeforeEach
    void data() {
        if (planId != null) {
            return;
        }
        TaskFixtures.awaitReferenceUnits();
        unitA = TaskFixtures.newUnit("甲");
        unitB = TaskFixtures.newUnit("乙");
        planId = TaskFixtures.createPlan("权限测试计划", 2032);
        LocalDate due = LocalDate.of(2032, 10, 31);
        shared = TaskFixtures.createTask(planId, "A-1", "甲乙共同任务", List.of(unitA), List.of(unitB),
                TaskFixtures.dated(due)).extract().path("id");
        ownOnly = TaskFixtures.createTask(planId, "A-2", "甲单独任务", List.of(unitA), List.of(),
                TaskFixtures.dated(due)).extract().path("id");
        othersOnly = TaskFixtures.createTask(planId, "A-3", "乙单独任务", List.of(unitB), List.of(),
                TaskFixtures.dated(due)).extract().path("id");
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", TestTokens.bearer(token));
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return as(token).contentType("application/json").body(body).when().post(path).then();
    }

    private static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    /** A task of B's: whatever the other tests create, A's own tasks stay the three made above. */
    private static Map<String, Object> newTask(String code) {
        return Map.of("planId", planId, "code", code, "category", "KEY_TASK", "title", "乙的另一任务",
                "leadUnitIds", List.of(unitB), "deadline", Map.of("kind", "ONGOING"));
    }

    @Test
    void aViewerReadsEverythingAndChangesNothing() throws Exception {
        String viewer = TestTokens.viewer();
        as(viewer).when().get("/api/v1/plans/" + planId).then().statusCode(200);
        as(viewer).queryParam("planId", planId).when().get("/api/v1/tasks").then().statusCode(200)
                .body("items.id", hasItems(shared, ownOnly, othersOnly));
        as(viewer).when().get("/api/v1/tasks/" + othersOnly).then().statusCode(200);
        as(viewer).when().get("/api/v1/tasks/" + othersOnly + "/history").then().statusCode(200);
        as(viewer).when().get("/api/v1/tasks/" + othersOnly + "/progress").then().statusCode(200);
        as(viewer).queryParam("planId", planId).when().get("/api/v1/stats/units").then().statusCode(200)
                .body("items.unitId", hasItems(unitA.toString(), unitB.toString()));
        as(viewer).when().get("/api/v1/stats/plans/" + planId).then().statusCode(200);
        as(viewer).queryParam("unitId", unitB).when().get("/api/v1/tasks/calendar.ics").then().statusCode(200);

        forbidden(post(viewer, "/api/v1/plans", Map.of("title", "观察员的计划", "year", 2032, "issuer", "无")));
        forbidden(post(viewer, "/api/v1/tasks", newTask("V-1")));
        forbidden(as(viewer).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("title", "改名")).when().patch("/api/v1/tasks/" + shared).then());
        forbidden(as(viewer).when().delete("/api/v1/tasks/" + shared).then());
        forbidden(post(viewer, assignmentPath(shared, unitA) + PROGRESS, SOME_PROGRESS));
        forbidden(as(viewer).contentType("text/plain; charset=UTF-8").body("二、重点任务")
                .when().post("/api/v1/plans/import").then());
        assertThat(TaskFixtures.count("SELECT count(*) FROM plan WHERE title = '观察员的计划'")).isZero();
        assertThat(TaskFixtures.count("SELECT count(*) FROM task WHERE code = 'V-1'")).isZero();
        as(viewer).when().get("/api/v1/tasks/" + shared).then().body("title", equalTo("甲乙共同任务"));
    }

    @Test
    void aSupervisorDecidesOnRequestsButNeitherPlansNorReports() {
        String supervisor = TestTokens.supervisor();
        String task = TaskFixtures.createTask(planId, "S-1", "督查审核任务", List.of(unitB), List.of(),
                TaskFixtures.deadline("ONGOING")).extract().path("id");
        post(TestTokens.unit(unitB), assignmentPath(task, unitB) + PROGRESS, SOME_PROGRESS).statusCode(200);
        post(TestTokens.unit(unitB), assignmentPath(task, unitB) + "/completion-request",
                Map.of("evidence", "已完成")).statusCode(200);

        as(supervisor).when().post(assignmentPath(task, unitB) + "/completion-request/approve").then().statusCode(200)
                .body("assignments[0].status", equalTo("COMPLETED"));
        forbidden(post(supervisor, "/api/v1/tasks", newTask("S-2")));
        forbidden(post(supervisor, assignmentPath(shared, unitA) + PROGRESS, SOME_PROGRESS));
        as(supervisor).when().get("/api/v1/tasks/" + othersOnly).then().statusCode(200);
    }

    @Test
    void aUnitWorksOnItsOwnAssignmentsOnly() {
        String a = TestTokens.unit(unitA);
        post(a, assignmentPath(shared, unitA) + PROGRESS, SOME_PROGRESS).statusCode(200)
                .body("assignments.find { it.unitId == '" + unitA + "' }.percent", equalTo(50));
        post(a, assignmentPath(shared, unitA) + "/completion-request", Map.of("evidence", "甲已完成")).statusCode(200);
        post(a, assignmentPath(ownOnly, unitA) + "/extension-request",
                Map.of("proposedDueDate", "2032-12-31", "reason", "等待省级部署")).statusCode(200);

        // B's part of the very same task is B's
        forbidden(post(a, assignmentPath(shared, unitB) + PROGRESS, SOME_PROGRESS));
        forbidden(post(a, assignmentPath(shared, unitB) + "/completion-request", Map.of("evidence", "代乙申请")));
        forbidden(post(a, assignmentPath(shared, unitB) + "/extension-request",
                Map.of("proposedDueDate", "2032-12-31", "reason", "代乙申请")));
        // and deciding is not a unit's to do, not even on its own request
        forbidden(as(a).when().post(assignmentPath(shared, unitA) + "/completion-request/approve").then());
        forbidden(post(a, "/api/v1/tasks", newTask("U-1")));

        as(TestTokens.admin()).when().get("/api/v1/tasks/" + shared).then()
                .body("assignments.find { it.unitId == '" + unitA + "' }.status", equalTo("COMPLETION_REQUESTED"))
                .body("assignments.find { it.unitId == '" + unitB + "' }.status", equalTo("NOT_STARTED"));
        as(TestTokens.admin()).when().get("/api/v1/tasks/" + shared + "/progress").then()
                .body("items.unitId", contains(unitA.toString()))
                .body("items[0].reportedBy", equalTo("test-unit-" + unitA));
    }

    @Test
    void aUnitReadsTheTasksItHasAPartInAndNoOthers() {
        String a = TestTokens.unit(unitA);
        as(a).when().get("/api/v1/tasks/" + shared).then().statusCode(200);
        as(a).when().get("/api/v1/tasks/" + shared + "/history").then().statusCode(200);
        forbidden(as(a).when().get("/api/v1/tasks/" + othersOnly).then());
        forbidden(as(a).when().get("/api/v1/tasks/" + othersOnly + "/history").then());
        forbidden(as(a).when().get("/api/v1/tasks/" + othersOnly + "/progress").then());
        as(a).when().get("/api/v1/tasks/" + UUID.randomUUID()).then().statusCode(404);

        // the list is restricted in the query: totals and pages count only A's tasks, in every plan
        as(a).when().get("/api/v1/tasks").then().statusCode(200)
                .body("items.id", containsInAnyOrder(shared, ownOnly)).body("total", equalTo(2));
        as(a).queryParam("planId", planId).queryParam("sort", "code").queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/v1/tasks").then().body("items.id", contains(ownOnly)).body("total", equalTo(2));
        as(a).queryParam("unitId", unitA).when().get("/api/v1/tasks").then().body("total", equalTo(2));
        forbidden(as(a).queryParam("unitId", unitB).when().get("/api/v1/tasks").then());

        // the plans themselves are anybody's to read
        as(a).when().get("/api/v1/plans/" + planId).then().statusCode(200);
        as(a).queryParam("planId", planId).when().get("/api/v1/stats/units").then().statusCode(200)
                .body("items.unitId", contains(unitA.toString())).body("items[0].total", equalTo(2));

        as(a).when().get("/api/v1/tasks/calendar.ics").then().statusCode(200).contentType("text/calendar")
                .header("Content-Disposition", containsString(unitA.toString()))
                .body(containsString("甲单独任务"));
        as(a).queryParam("unitId", unitA).when().get("/api/v1/tasks/calendar.ics").then().statusCode(200);
        forbidden(as(a).queryParam("unitId", unitB).when().get("/api/v1/tasks/calendar.ics").then());
    }

    @Test
    void aGroupsTasksReachItsMembersThroughTheirOwnAssignments() throws Exception {
        String districts = TaskFixtures.createTask(planId, "G-1", "区县共同任务", List.of(DISTRICTS), List.of(),
                TaskFixtures.deadline("ONGOING")).extract().path("id");
        String wuxing = TestTokens.unit(WUXING);
        as(wuxing).queryParam("planId", planId).when().get("/api/v1/tasks").then().statusCode(200)
                .body("items.id", contains(districts)).body("total", equalTo(1));
        as(wuxing).when().get("/api/v1/tasks/" + districts).then().statusCode(200);
        post(wuxing, assignmentPath(districts, WUXING) + PROGRESS, SOME_PROGRESS).statusCode(200);
        forbidden(post(wuxing, assignmentPath(districts, NANXUN) + PROGRESS, SOME_PROGRESS));

        // across every plan of this test run: exactly the tasks WUXING has an assignment on
        long expected = TaskFixtures.count("SELECT count(DISTINCT task_id) FROM assignment WHERE unit_id = '" + WUXING + "'");
        JsonPath all = as(wuxing).queryParam("size", 200).when().get("/api/v1/tasks").then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getLong("total")).isEqualTo(expected);
        List<List<String>> unitsOfEach = all.getList("items.assignments.unitId");
        assertThat(unitsOfEach).hasSize((int) Math.min(expected, 200))
                .allSatisfy(units -> assertThat(units).contains(WUXING.toString()));
    }

    @Test
    void aUnitTokenWithoutAUnitIsRefused() {
        String nobody = TestTokens.person("no-unit", "unit", null);
        forbidden(as(nobody).when().get("/api/v1/tasks").then());
        forbidden(post(nobody, assignmentPath(shared, unitA) + PROGRESS, SOME_PROGRESS));
    }

    @Test
    void missingOrBadCredentialsAre401Problems() {
        TestTokens.anonymous().when().get("/api/v1/tasks/" + shared).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        TestTokens.anonymous().contentType("application/json").body(SOME_PROGRESS)
                .when().post(assignmentPath(shared, unitA) + PROGRESS).then().statusCode(401)
                .contentType("application/problem+json");
        for (String bad : List.of(TestTokens.expired(), TestTokens.forged())) {
            as(bad).when().get("/api/v1/tasks").then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("invalid_token"));
            post(bad, "/api/v1/tasks", newTask("X-1")).statusCode(401);
        }
    }

    @Test
    void aRememberedTokenChangedInAnyPartIsRefused() {
        // a token used once is remembered (service-kit's VerifiedTokens); the memory must not let a changed copy in
        String token = TestTokens.unit(unitA);
        as(token).when().get("/api/v1/tasks/" + ownOnly).then().statusCode(200);
        as(token).when().get("/api/v1/tasks/" + ownOnly).then().statusCode(200);

        String[] parts = token.split("\\.");
        String otherSignature = TestTokens.forged().split("\\.")[2];
        String claimsOfB = TestTokens.unit(unitB).split("\\.")[1];
        // one character inside the signature (the last one carries padding bits a decoder may ignore)
        int at = token.length() - 10;
        String flippedSignatureCharacter = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A')
                + token.substring(at + 1);
        for (String changed : List.of(parts[0] + "." + parts[1] + "." + otherSignature,
                parts[0] + "." + claimsOfB + "." + parts[2], flippedSignatureCharacter)) {
            as(changed).when().get("/api/v1/tasks/" + othersOnly).then().statusCode(401)
                    .header("WWW-Authenticate", containsString("invalid_token"));
            as(changed).when().get("/api/v1/tasks/" + ownOnly).then().statusCode(401);
        }
        forbidden(as(token).when().get("/api/v1/tasks/" + othersOnly).then());
    }

    @Test
    void aRenamedUnitShowsItsNewNameOnTheReadAfterTheEventIsApplied() throws Exception {
        // unit names are served from memory (UnitDirectory): the consumer's commit must reach it before the next read
        UUID renamed = TaskFixtures.newUnit("丙");
        String task = TaskFixtures.createTask(planId, "A-9", "改名单位的任务", List.of(renamed), List.of(),
                TaskFixtures.dated(LocalDate.of(2032, 9, 30))).extract().path("id");
        String oldName = given().when().get("/api/v1/tasks/" + task).then().statusCode(200)
                .extract().path("assignments[0].unitName");
        String units = UnitsServiceTestResource.unitsService("units_for_tasks_test")
                .baseUrl();
        String etag = given().baseUri(units).when().get("/api/v1/units/" + renamed).then().statusCode(200)
                .extract().header("ETag");
        String newName = oldName + "（更名）";
        given().baseUri(units).contentType("application/json").header("If-Match", etag)
                .body(Map.of("name", newName, "kind", "CITY_DEPARTMENT"))
                .when().put("/api/v1/units/" + renamed).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> TaskFixtures.count(
                "SELECT count(*) FROM unit_ref WHERE id = '" + renamed + "' AND name = '" + newName + "'") == 1);
        given().when().get("/api/v1/tasks/" + task).then().statusCode(200)
                .body("assignments[0].unitName", equalTo(newName))
                .body("leadUnits[0].name", equalTo(newName));
    }

    @Test
    void aUnitsOwnListFollowsEveryChangeOfItsTasks() {
        // a unit's own list is answered from its assignment rows (the task's dates and code are copied onto them,
        // migration V40); the same filter within a plan takes the general path over task, and both must agree
        UUID unit = TaskFixtures.newUnit("丁");
        UUID other = TaskFixtures.newUnit("戊");
        String plan = TaskFixtures.createPlan("单位清单测试计划", 2033);
        String late = TaskFixtures.createTask(plan, "L-2", "逾期任务二", List.of(unit), List.of(),
                TaskFixtures.dated(LocalDate.of(2020, 3, 1))).extract().path("id");
        String later = TaskFixtures.createTask(plan, "L-1", "逾期任务一", List.of(other), List.of(unit),
                TaskFixtures.dated(LocalDate.of(2020, 6, 1))).extract().path("id");
        String future = TaskFixtures.createTask(plan, "L-3", "未到期任务", List.of(unit), List.of(),
                TaskFixtures.dated(LocalDate.of(2040, 1, 1))).extract().path("id");
        TaskFixtures.createTask(plan, "L-4", "他人逾期任务", List.of(other), List.of(),
                TaskFixtures.dated(LocalDate.of(2020, 1, 1)));
        String unitToken = TestTokens.unit(unit);

        for (RequestSpecification list : List.of(given().queryParam("unitId", unit),
                given().queryParam("unitId", unit).queryParam("planId", plan), as(unitToken))) {
            list.queryParam("overdue", true).when().get("/api/v1/tasks").then().statusCode(200)
                    .body("items.id", contains(late, later)).body("total", equalTo(2));
        }
        given().queryParam("unitId", unit).queryParam("overdue", true).queryParam("sort", "code,desc")
                .when().get("/api/v1/tasks").then().body("items.id", contains(late, later));
        given().queryParam("unitId", unit).queryParam("overdue", false).when().get("/api/v1/tasks").then()
                .body("items.id", contains(future)).body("total", equalTo(1));
        given().queryParam("unitId", unit).queryParam("role", "CO").queryParam("light", "RED")
                .when().get("/api/v1/tasks").then().body("items.id", contains(later)).body("total", equalTo(1));
        given().queryParam("unitId", unit).queryParam("size", 1).queryParam("page", 2)
                .when().get("/api/v1/tasks").then().body("items.id", contains(future)).body("total", equalTo(3));

        // a changed deadline moves the task in the unit's list in the same transaction
        String etag = given().when().get("/api/v1/tasks/" + future).then().extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag)
                .body(Map.of("deadline", TaskFixtures.dated(LocalDate.of(2019, 12, 31))))
                .when().patch("/api/v1/tasks/" + future).then().statusCode(200);
        for (RequestSpecification list : List.of(given().queryParam("unitId", unit),
                given().queryParam("unitId", unit).queryParam("planId", plan), as(unitToken))) {
            list.queryParam("overdue", true).when().get("/api/v1/tasks").then().statusCode(200)
                    .body("items.id", contains(future, late, later)).body("total", equalTo(3));
        }
        given().queryParam("unitId", unit).queryParam("overdue", false).when().get("/api/v1/tasks").then()
                .body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void anImportActsAsItsCallerInUnitsService() throws Exception {
        // a government system's key may write tasks, but was given no unit scope: units-service, which sees the same
        // token, refuses to resolve names for it, and that is the caller's 403, not a failure of units-service
        String tasksOnly = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("api-key-tasks-only")
                .claim("api_key_id", "tasks-only").claim("scope", "tasks:read tasks:write")
                .expiresAt(Instant.now().plusSeconds(300)).jws().keyId("test").sign(TestTokens.privateKey());
        as(tasksOnly).queryParam("planId", planId).when().get("/api/v1/tasks").then().statusCode(200);
        forbidden(as(tasksOnly).contentType("text/plain; charset=UTF-8").queryParam("dryRun", true)
                .body(PlanImportTest.huzhou().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/plans/import").then().body("detail", containsString("units:read")));
    }

    @Test
    void historyNamesTheVerifiedCaller() {
        String zhang = TestTokens.person("zhang.san", "admin", null);
        String id = post(zhang, "/api/v1/tasks", newTask("H-1")).statusCode(201).extract().path("id");
        String etag = as(zhang).when().get("/api/v1/tasks/" + id).then().extract().header("ETag");
        as(zhang).contentType("application/json").header("If-Match", etag).body(Map.of("title", "张三改的标题"))
                .when().patch("/api/v1/tasks/" + id).then().statusCode(200);

        post(zhang, assignmentPath(id, unitB) + PROGRESS, SOME_PROGRESS).statusCode(200);

        // the token names zhang.san as subject (and upn) and has no preferred_username
        as(zhang).when().get("/api/v1/tasks/" + id + "/history").then().statusCode(200)
                .body("items.action", hasItems("CREATED", "UPDATED", "PROGRESS_REPORTED"))
                .body("items.actor", everyItem(equalTo("zhang.san")));
        as(zhang).when().get("/api/v1/tasks/" + id + "/progress").then()
                .body("items.reportedBy", contains("zhang.san"));
    }

    @Test
    void aVeryLongNameIsShortenedInHistoryRatherThanFailingTheWrite() {
        // 150 code points, 50 of them outside the BMP (two UTF-16 units each): history columns hold 100 characters
        String longName = "督查员".repeat(30) + "𠀀".repeat(50) + "x".repeat(10);
        String token = TestTokens.named("sub-long-name", longName, "admin", null);
        String id = post(token, "/api/v1/tasks", newTask("L-1")).statusCode(201).extract().path("id");
        post(token, assignmentPath(id, unitB) + PROGRESS, SOME_PROGRESS).statusCode(200);

        String expected = longName.substring(0, longName.offsetByCodePoints(0, 99)) + "…";
        assertThat(expected.codePointCount(0, expected.length())).isEqualTo(100);
        as(token).when().get("/api/v1/tasks/" + id + "/history").then().statusCode(200)
                .body("items.action", hasItems("CREATED", "PROGRESS_REPORTED"))
                .body("items.actor", everyItem(equalTo(expected)));
        as(token).when().get("/api/v1/tasks/" + id + "/progress").then().statusCode(200)
                .body("items.reportedBy", contains(expected));
    }
}
