package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.supervision.tasks.TaskFixtures.assignmentPath;
import static cn.gov.supervision.testkit.HuzhouUnits.SFJ;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Separation of duties among callers who may both report and review (an admin, or a system key with both scopes):
 * whoever requested a completion or an extension may not approve it; someone else may. That unit-bound callers
 * never review at all is part of {@link UnitCallerMatrixTest}.
 */
@QuarkusTest
class SeparationOfDutiesTest {

    /** Two people of the supervising office, each holding every permission. */
    private static final String ZHANG = TestTokens.person("zhang.san", "admin", null);
    private static final String LI = TestTokens.person("li.si", "admin", null);

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return given().header("Authorization", TestTokens.bearer(token)).contentType("application/json").body(body)
                .when().post(path).then();
    }

    private static ValidatableResponse post(String token, String path) {
        return given().header("Authorization", TestTokens.bearer(token)).when().post(path).then();
    }

    private static String newTask(String code) {
        TaskFixtures.awaitReferenceUnits();
        String plan = TaskFixtures.createPlan("职责分离测试计划" + code, 2033);
        return TaskFixtures.createTask(plan, code, "职责分离任务", List.of(SFJ), List.of(),
                TaskFixtures.dated(LocalDate.of(2033, 6, 30))).extract().path("id");
    }

    private static String statusOf(String taskId, UUID unit) {
        return given().when().get("/api/v1/tasks/" + taskId).then().statusCode(200)
                .extract().path("assignments.find { it.unitId == '" + unit + "' }.status");
    }

    @Test
    void whoeverRequestedACompletionMayNotApproveIt() {
        String id = newTask("SD-1");
        String path = assignmentPath(id, SFJ);
        post(ZHANG, path + "/progress", Map.of("text", "代为报送", "percent", 90)).statusCode(200);
        post(ZHANG, path + "/completion-request", Map.of("evidence", "张三代为申请办结")).statusCode(200);

        post(ZHANG, path + "/completion-request/approve").statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("Separation of duties"));
        assertThat(statusOf(id, SFJ)).isEqualTo("COMPLETION_REQUESTED");

        post(LI, path + "/completion-request/approve").statusCode(200)
                .body("assignments.find { it.unitId == '" + SFJ + "' }.status", equalTo("COMPLETED"));
    }

    @Test
    void whoeverRequestedAnExtensionMayNotApproveIt() {
        String id = newTask("SD-2");
        String path = assignmentPath(id, SFJ);
        post(ZHANG, path + "/extension-request", Map.of("proposedDueDate", "2033-09-30", "reason", "张三代为申请延期"))
                .statusCode(200);

        post(ZHANG, path + "/extension-request/approve").statusCode(403).contentType("application/problem+json");
        assertThat(statusOf(id, SFJ)).isEqualTo("EXTENSION_REQUESTED");

        post(LI, path + "/extension-request/approve").statusCode(200)
                .body("assignments.find { it.unitId == '" + SFJ + "' }.dueDate", equalTo("2033-09-30"));
    }

    @Test
    void theRequesterMayWithdrawByReturningOrRejectingItsOwnRequest() {
        String id = newTask("SD-3");
        String path = assignmentPath(id, SFJ);
        post(ZHANG, path + "/progress", Map.of("text", "代为报送")).statusCode(200);
        post(ZHANG, path + "/completion-request", Map.of("evidence", "申请有误")).statusCode(200);
        post(ZHANG, path + "/completion-request/return", Map.of("reason", "撤回")).statusCode(200)
                .body("assignments.find { it.unitId == '" + SFJ + "' }.status", equalTo("IN_PROGRESS"));
        post(ZHANG, path + "/extension-request", Map.of("proposedDueDate", "2033-09-30", "reason", "申请有误"))
                .statusCode(200);
        post(ZHANG, path + "/extension-request/reject", Map.of("reason", "撤回")).statusCode(200)
                .body("assignments.find { it.unitId == '" + SFJ + "' }.status", equalTo("IN_PROGRESS"));

        // a request made again by someone else is no longer the first requester's: it may then approve it
        post(LI, path + "/completion-request", Map.of("evidence", "李四重新申请")).statusCode(200);
        post(ZHANG, path + "/completion-request/approve").statusCode(200);
    }
}
