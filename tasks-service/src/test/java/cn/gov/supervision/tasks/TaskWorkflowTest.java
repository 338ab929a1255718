package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.supervision.tasks.TaskFixtures.assignmentPath;
import static cn.gov.supervision.tasks.TaskFixtures.approve;
import static cn.gov.supervision.tasks.TaskFixtures.post;
import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The supervision workflow, per assignment, for a task led by a group (各区县政府). */
@QuarkusTest
class TaskWorkflowTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    private static String planId;

    /** Rest Assured points at the application only once a test runs, so the shared plan is made by the first one. */
    @BeforeEach
    void plan() {
        if (planId == null) {
            TaskFixtures.awaitReferenceUnits();
            planId = TaskFixtures.createPlan("工作流测试计划", 2030);
        }
    }

    private static JsonPath task(String id) {
        return given().when().get("/api/v1/tasks/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static String status(JsonPath task, UUID unitId) {
        return task.getString("assignments.find { it.unitId == '" + unitId + "' }.status");
    }

    @Test
    void eachMemberOfAGroupLeadMovesOnItsOwnAndTheTaskRollsUp() {
        LocalDate due = LocalDate.of(2030, 9, 30);
        String id = TaskFixtures.createTask(planId, "附件1-19", "加快推进基层政务新媒体规范化建设",
                        List.of(DISTRICTS), List.of(ZFB), TaskFixtures.dated(due))
                .body("leadUnits.name", contains("各区县政府"))
                .body("coUnits.name", contains("市政府办公室"))
                .body("assignments", hasSize(7))
                .body("assignments.findAll { it.role == 'LEAD' }.unitId",
                        containsInAnyOrder(DISTRICT_GOVERNMENTS.stream().map(UUID::toString).toArray()))
                .body("assignments.findAll { it.role == 'LEAD' }.viaGroupId", hasItem(DISTRICTS.toString()))
                .body("assignments.findAll { it.role == 'CO' }.unitId", contains(ZFB.toString()))
                .body("assignments.dueDate", hasItem(due.toString()))
                .body("status", equalTo("NOT_STARTED"))
                .extract().path("id");

        TaskFixtures.reportProgress(id, WUXING, 40).statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("assignments.find { it.unitId == '" + WUXING + "' }.percent", equalTo(40));
        JsonPath afterProgress = task(id);
        assertThat(status(afterProgress, WUXING)).isEqualTo("IN_PROGRESS");
        assertThat(status(afterProgress, NANXUN)).isEqualTo("NOT_STARTED");

        // 吴兴区 asks to close its part; a supervisor returns it, then approves the second request
        post(assignmentPath(id, WUXING) + "/completion-request", Map.of("evidence", "已建成矩阵", "links",
                List.of("https://wuxing.example.gov.cn/matrix"))).statusCode(200);
        post(assignmentPath(id, WUXING) + "/completion-request/return", Map.of("reason", "缺少佐证材料"))
                .statusCode(200)
                .body("assignments.find { it.unitId == '" + WUXING + "' }.status", equalTo("IN_PROGRESS"))
                .body("assignments.find { it.unitId == '" + WUXING + "' }.returnReason", equalTo("缺少佐证材料"));
        post(assignmentPath(id, WUXING) + "/completion-request", Map.of("evidence", "补充了佐证材料")).statusCode(200);
        approve(assignmentPath(id, WUXING) + "/completion-request/approve").statusCode(200)
                .body("assignments.find { it.unitId == '" + WUXING + "' }.status", equalTo("COMPLETED"))
                .body("assignments.find { it.unitId == '" + WUXING + "' }.light", equalTo("NONE"))
                .body("status", equalTo("IN_PROGRESS"));

        // 南浔区 asks for more time; approval moves only its own clock
        post(assignmentPath(id, NANXUN) + "/extension-request",
                Map.of("proposedDueDate", "2030-11-30", "reason", "需要与省平台对接")).statusCode(200)
                .body("status", equalTo("EXTENSION_REQUESTED"))
                .body("assignments.find { it.unitId == '" + NANXUN + "' }.pendingExtension.proposedDueDate",
                        equalTo("2030-11-30"));
        approve(assignmentPath(id, NANXUN) + "/extension-request/approve").statusCode(200)
                .body("assignments.find { it.unitId == '" + NANXUN + "' }.status", equalTo("NOT_STARTED"))
                .body("assignments.find { it.unitId == '" + NANXUN + "' }.dueDate", equalTo("2030-11-30"))
                .body("assignments.find { it.unitId == '" + DEQING + "' }.dueDate", equalTo("2030-09-30"))
                .body("deadline.dueDate", equalTo("2030-09-30"));
        post(assignmentPath(id, DEQING) + "/extension-request",
                Map.of("proposedDueDate", "2030-12-31", "reason", "人手不足")).statusCode(200);
        post(assignmentPath(id, DEQING) + "/extension-request/reject", Map.of("reason", "理由不充分")).statusCode(200)
                .body("assignments.find { it.unitId == '" + DEQING + "' }.status", equalTo("NOT_STARTED"))
                .body("assignments.find { it.unitId == '" + DEQING + "' }.dueDate", equalTo("2030-09-30"))
                .body("assignments.find { it.unitId == '" + DEQING + "' }.pendingExtension", nullValue());

        // everyone finishes: the task is completed
        for (UUID unit : List.of(NANXUN, DEQING, CHANGXING, ANJI, NANTAIHU, ZFB)) {
            TaskFixtures.complete(id, unit);
        }
        JsonPath done = task(id);
        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.getString("light")).isEqualTo("NONE");
        assertThat(done.getList("assignments.status")).containsOnly("COMPLETED");

        given().when().get("/api/v1/tasks/" + id + "/history").then().statusCode(200)
                .body("items.action", hasItem("CREATED"))
                .body("items.action", hasItem("COMPLETION_RETURNED"))
                .body("items.find { it.action == 'EXTENSION_APPROVED' }.oldValue", equalTo("2030-09-30"))
                .body("items.find { it.action == 'EXTENSION_APPROVED' }.newValue", equalTo("2030-11-30"))
                .body("items.find { it.action == 'EXTENSION_APPROVED' }.unitId", equalTo(NANXUN.toString()))
                .body("items.find { it.action == 'STATUS_ROLLED_UP' && it.newValue == 'COMPLETED' }.oldValue",
                        equalTo("COMPLETION_REQUESTED"));
        given().when().get("/api/v1/tasks/" + id + "/progress").then().statusCode(200)
                .body("items.findAll { it.unitId == '" + WUXING + "' }.percent", contains(40));
    }

    @Test
    void everyIllegalTransitionIsA409NamingTheAllowedOnes() {
        String id = TaskFixtures.createTask(planId, "T-illegal", "非法转换测试", List.of(SFJ), List.of(),
                TaskFixtures.dated(LocalDate.of(2030, 6, 30))).extract().path("id");
        String path = assignmentPath(id, SFJ);
        // NOT_STARTED
        assertIllegal(post(path + "/completion-request", Map.of("evidence", "x")), "REPORT_PROGRESS");
        assertIllegal(post(path + "/completion-request/approve"), "REQUEST_EXTENSION");
        assertIllegal(post(path + "/completion-request/return", Map.of("reason", "x")), "REPORT_PROGRESS");
        assertIllegal(post(path + "/extension-request/approve"), "REPORT_PROGRESS");
        assertIllegal(post(path + "/extension-request/reject", Map.of("reason", "x")), "REPORT_PROGRESS");
        // IN_PROGRESS
        TaskFixtures.reportProgress(id, SFJ, 10).statusCode(200);
        assertIllegal(post(path + "/completion-request/approve"), "REQUEST_COMPLETION");
        assertIllegal(post(path + "/extension-request/approve"), "REQUEST_COMPLETION");
        // COMPLETION_REQUESTED
        post(path + "/completion-request", Map.of("evidence", "done")).statusCode(200);
        assertIllegal(post(path + "/progress", Map.of("text", "more")), "APPROVE_COMPLETION");
        assertIllegal(post(path + "/completion-request", Map.of("evidence", "again")), "RETURN_COMPLETION");
        assertIllegal(post(path + "/extension-request", Map.of("proposedDueDate", "2030-12-31", "reason", "x")),
                "APPROVE_COMPLETION");
        // EXTENSION_REQUESTED
        post(path + "/completion-request/return", Map.of("reason", "再完善")).statusCode(200);
        post(path + "/extension-request", Map.of("proposedDueDate", "2030-12-31", "reason", "x")).statusCode(200);
        assertIllegal(post(path + "/progress", Map.of("text", "more")), "APPROVE_EXTENSION");
        assertIllegal(post(path + "/completion-request", Map.of("evidence", "x")), "REJECT_EXTENSION");
        assertIllegal(post(path + "/extension-request", Map.of("proposedDueDate", "2031-01-31", "reason", "x")),
                "APPROVE_EXTENSION");
        // COMPLETED: nothing is allowed
        approve(path + "/extension-request/approve").statusCode(200);
        post(path + "/completion-request", Map.of("evidence", "done")).statusCode(200);
        approve(path + "/completion-request/approve").statusCode(200);
        assertIllegal(post(path + "/progress", Map.of("text", "x")), "allowed now: []");
        assertIllegal(post(path + "/completion-request", Map.of("evidence", "x")), "allowed now: []");
        assertIllegal(post(path + "/extension-request", Map.of("proposedDueDate", "2031-01-31", "reason", "x")),
                "allowed now: []");
        assertIllegal(post(path + "/completion-request/approve"), "allowed now: []");
        given().when().get("/api/v1/tasks/" + id).then().body("status", equalTo("COMPLETED"));
    }

    private static void assertIllegal(io.restassured.response.ValidatableResponse response, String allowed) {
        response.statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("illegal-transition"))
                .body("detail", containsString(allowed));
    }

    @Test
    void workflowInputIsValidatedAndUnknownAssignmentsAre404() {
        String id = TaskFixtures.createTask(planId, "T-validate", "校验测试", List.of(CZJ), List.of(),
                TaskFixtures.deadline("ONGOING")).extract().path("id");
        post(assignmentPath(id, CZJ) + "/progress", Map.of("text", "", "percent", 120)).statusCode(400)
                .body("errors.field", containsInAnyOrder("text", "percent"));
        post(assignmentPath(id, FGW) + "/progress", Map.of("text", "x")).statusCode(404);
        post(assignmentPath(UUID.randomUUID().toString(), CZJ) + "/progress", Map.of("text", "x")).statusCode(404);
        post(assignmentPath(id, CZJ) + "/extension-request", Map.of("proposedDueDate", "2030-12-31", "reason", "x"))
                .statusCode(409).body("type", endsWith("no-deadline"));
        given().when().get("/api/v1/tasks/" + id).then().body("assignments[0].status", equalTo("NOT_STARTED"));
    }

    @Test
    void updatesNeedTheCurrentETagAndKeepAssignmentsOfUnitsThatStay() {
        String id = TaskFixtures.createTask(planId, "T-patch", "修改测试", List.of(FGW), List.of(CZJ),
                TaskFixtures.dated(LocalDate.of(2030, 3, 31))).extract().path("id");
        TaskFixtures.reportProgress(id, FGW, 50).statusCode(200);
        String etag = given().when().get("/api/v1/tasks/" + id).then().extract().header("ETag");
        Map<String, Object> patch = Map.of("title", "修改測試(新)", "coUnitIds", List.of(SFJ),
                "deadline", Map.of("text", "6月底前", "kind", "DATE", "dueDate", "2030-06-30"));
        given().contentType("application/json").body(patch).when().patch("/api/v1/tasks/" + id).then().statusCode(428);
        given().contentType("application/json").header("If-Match", "\"999\"").body(patch)
                .when().patch("/api/v1/tasks/" + id).then().statusCode(412).contentType("application/problem+json");
        given().contentType("application/json").header("If-Match", etag).body(patch)
                .when().patch("/api/v1/tasks/" + id).then().statusCode(200)
                .body("title", equalTo("修改测试(新)"))
                .body("coUnits.id", contains(SFJ.toString()))
                .body("assignments.unitId", containsInAnyOrder(FGW.toString(), SFJ.toString()))
                .body("assignments.find { it.unitId == '" + FGW + "' }.status", equalTo("IN_PROGRESS"))
                .body("assignments.find { it.unitId == '" + FGW + "' }.dueDate", equalTo("2030-06-30"))
                .body("deadline.text", equalTo("6月底前"));
        given().contentType("application/json").header("If-Match", etag).body(patch)
                .when().patch("/api/v1/tasks/" + id).then().statusCode(412);
        given().when().get("/api/v1/tasks/" + id + "/history").then()
                .body("items.find { it.field == 'title' }.oldValue", equalTo("修改测试"))
                .body("items.find { it.action == 'DEADLINE_CHANGED' }.oldValue", containsString("2030-03-31"))
                .body("items.find { it.action == 'ASSIGNMENT_REMOVED' }.unitId", equalTo(CZJ.toString()));
    }

    @Test
    void tasksMustNameActiveKnownUnitsAndValidDeadlines() {
        TaskFixtures.createTask(planId, "T-dup", "重复编号", List.of(FGW), List.of(), TaskFixtures.deadline("ONGOING"));
        Map<String, Object> base = new java.util.HashMap<>(Map.of("planId", planId, "code", "T-dup", "category", "KEY_TASK",
                "title", "重复编号", "leadUnitIds", List.of(FGW), "deadline", Map.of("kind", "ONGOING")));
        given().contentType("application/json").body(base).when().post("/api/v1/tasks")
                .then().statusCode(409).body("type", endsWith("code-taken"));
        base.put("code", "T-unknown");
        base.put("leadUnitIds", List.of(UUID.randomUUID()));
        given().contentType("application/json").body(base).when().post("/api/v1/tasks")
                .then().statusCode(422).body("type", endsWith("unknown-unit"));
        base.put("leadUnitIds", List.of(FGW));
        base.put("planId", UUID.randomUUID().toString());
        given().contentType("application/json").body(base).when().post("/api/v1/tasks")
                .then().statusCode(422).body("type", endsWith("unknown-plan"));
        base.put("planId", planId);
        base.put("deadline", Map.of("kind", "DATE"));
        given().contentType("application/json").body(base).when().post("/api/v1/tasks")
                .then().statusCode(400).body("errors.field", hasItem("deadline.dueDate"));
        base.put("deadline", Map.of("kind", "SOMETIME"));
        given().contentType("application/json").body(base).when().post("/api/v1/tasks")
                .then().statusCode(400).body("errors.field", hasItem("deadline.kind"));
        base.put("deadline", Map.of("kind", "RECURRING"));
        given().contentType("application/json").body(base).when().post("/api/v1/tasks")
                .then().statusCode(400).body("errors.field", hasItem("deadline.recurrence"));
        base.put("deadline", Map.of("kind", "ONGOING"));
        base.put("leadUnitIds", List.of());
        given().contentType("application/json").body(base).when().post("/api/v1/tasks")
                .then().statusCode(400).body("errors.field", hasItem("leadUnitIds"));
        given().queryParam("planId", planId).queryParam("q", "T-unknown").when().get("/api/v1/tasks")
                .then().body("total", equalTo(0));
    }

    @Test
    void aUnitDeactivatedInUnitsServiceCanNoLongerBeGivenWork() {
        String units = cn.gov.supervision.testkit.UnitsServiceTestResource.unitsService("units_for_tasks_test").baseUrl();
        String unitId = given().baseUri(units).contentType("application/json")
                .body(Map.of("code", "test-temp-dept", "name", "市临时办", "kind", "CITY_DEPARTMENT"))
                .when().post("/api/v1/units").then().statusCode(201).extract().path("id");
        TaskFixtures.awaitUnitKnown(unitId, true);
        TaskFixtures.createTask(planId, "T-temp-1", "临时任务", List.of(UUID.fromString(unitId)), List.of(),
                TaskFixtures.deadline("ONGOING")).body("leadUnits[0].name", equalTo("市临时办"));
        given().baseUri(units).when().delete("/api/v1/units/" + unitId).then().statusCode(200);
        TaskFixtures.awaitUnitKnown(unitId, false);
        given().contentType("application/json").body(Map.of("planId", planId, "code", "T-temp-2", "category", "ACTION",
                        "title", "临时任务2", "leadUnitIds", List.of(unitId), "deadline", Map.of("kind", "ONGOING")))
                .when().post("/api/v1/tasks")
                .then().statusCode(422).body("detail", containsString("inactive"));
    }
}
