package cn.gov.supervision.gateway;

import cn.gov.supervision.gateway.support.ServiceStackProfile;
import cn.gov.supervision.gateway.support.TaskFixtures;
import cn.gov.supervision.testkit.HuzhouUnits;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, through the gateway against the real services: each role (and no credential at all) × a
 * representative operation, with the exact status. Unit A is 市发展改革委 (FGW), unit B 市财政局 (CZJ); the
 * assignments and notifications acted on are unit A's. The rules: README "Who may do what", kit.security.Roles.
 */
@QuarkusTest
@TestProfile(ServiceStackProfile.class)
class AuthMatrixTest {

    private static final UUID UNIT_A = HuzhouUnits.FGW;
    private static final UUID UNIT_B = HuzhouUnits.CZJ;
    private static final AtomicInteger CODES = new AtomicInteger();

    /** Caller name → Authorization header value (null: none). */
    private static final Map<String, String> CALLERS = new LinkedHashMap<>();

    @BeforeAll
    static void callers() {
        TestTokens.actAs(TestTokens.admin());
        CALLERS.put("admin", TestTokens.bearer(TestTokens.admin()));
        CALLERS.put("supervisor", TestTokens.bearer(TestTokens.supervisor()));
        CALLERS.put("unit A", TestTokens.bearer(TestTokens.unit(UNIT_A)));
        CALLERS.put("unit B", TestTokens.bearer(TestTokens.unit(UNIT_B)));
        CALLERS.put("viewer", TestTokens.bearer(TestTokens.viewer()));
        CALLERS.put("anonymous", null);
    }

    @Test
    void listTasks() {
        expect("GET /api/v1/tasks", as -> as.get("/api/v1/tasks"),
                200, 200, 200, 200, 200, 401);
    }

    @Test
    void createTask() {
        String plan = given().contentType(ContentType.JSON)
                .body(Map.of("title", "权限矩阵计划", "year", 2031, "issuer", "湖州市人民政府办公室"))
                .when().post("/api/v1/plans").then().statusCode(201).extract().path("id");
        TaskFixtures.taskLedBy("AM-warmup-" + UUID.randomUUID().toString().substring(0, 6), UNIT_A); // units known
        expect("POST /api/v1/tasks", as -> as.contentType(ContentType.JSON).body(Map.of(
                        "planId", plan, "code", "AM-" + CODES.incrementAndGet(), "category", "KEY_TASK",
                        "title", "权限矩阵任务", "leadUnitIds", List.of(UNIT_A),
                        "deadline", Map.of("text", "9月底前", "kind", "DATE", "dueDate", "2031-09-30")))
                        .post("/api/v1/tasks"),
                201, 403, 403, 403, 403, 401);
    }

    @Test
    void reportProgressOnUnitAsAssignment() {
        String task = TaskFixtures.taskLedBy("AM-P-" + UUID.randomUUID().toString().substring(0, 6), UNIT_A, UNIT_B);
        expect("POST progress on unit A's assignment", as -> as.contentType(ContentType.JSON)
                        .body(TaskFixtures.progress("进展")).post(assignment(task, UNIT_A) + "/progress"),
                200, 403, 200, 403, 403, 401);
    }

    @Test
    void approveUnitAsCompletionRequest() {
        Map<String, Integer> expected = expected(200, 200, 403, 403, 403, 401);
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
            // each caller approves a completion request of its own, so that an allowed one finds something to approve
            String task = completionRequestedByUnitA();
            int status = request(caller.getValue()).post(assignment(task, UNIT_A) + "/completion-request/approve")
                    .statusCode();
            soft.assertThat(status).as("%s: approve unit A's completion request", caller.getKey())
                    .isEqualTo(expected.get(caller.getKey()));
        }
        soft.assertAll();
    }

    @Test
    void listNotifications() {
        expect("GET /api/v1/notifications", as -> as.get("/api/v1/notifications"),
                200, 200, 200, 200, 200, 401);
    }

    @Test
    void acknowledgeUnitAsNotification() {
        String notification = notificationOfUnitA();
        // acknowledging again keeps the first time and answers 200, so the allowed callers can each try
        expect("POST /api/v1/notifications/{unit A's}/ack", as -> as.post("/api/v1/notifications/" + notification + "/ack"),
                200, 200, 200, 403, 403, 401);
    }

    @Test
    void createApiKey() {
        expect("POST /api/v1/api-keys", as -> as.contentType(ContentType.JSON)
                        .body(Map.of("name", "矩阵", "scopes", List.of("tasks:read"))).post("/api/v1/api-keys"),
                201, 403, 403, 403, 403, 401);
    }

    /** Expected statuses in the order admin, supervisor, unit A, unit B, viewer, anonymous. */
    private static void expect(String operation, Function<RequestSpecification, Response> call, int... statuses) {
        Map<String, Integer> expected = expected(statuses);
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
            int status = call.apply(request(caller.getValue())).statusCode();
            soft.assertThat(status).as("%s: %s", caller.getKey(), operation).isEqualTo(expected.get(caller.getKey()));
        }
        soft.assertAll();
    }

    private static Map<String, Integer> expected(int... statuses) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        int i = 0;
        for (String caller : CALLERS.keySet()) {
            expected.put(caller, statuses[i++]);
        }
        return expected;
    }

    private static RequestSpecification request(String authorization) {
        RequestSpecification request = TestTokens.anonymous();
        return (authorization == null ? request : request.header("Authorization", authorization)).when();
    }

    private static String assignment(String task, UUID unit) {
        return "/api/v1/tasks/" + task + "/assignments/" + unit;
    }

    private static String completionRequestedByUnitA() {
        String task = TaskFixtures.taskLedBy("AM-C-" + CODES.incrementAndGet() + "-" + UUID.randomUUID().toString()
                .substring(0, 4), UNIT_A);
        String unitA = CALLERS.get("unit A");
        given().header("Authorization", unitA).contentType(ContentType.JSON).body(TaskFixtures.progress("推进中"))
                .when().post(assignment(task, UNIT_A) + "/progress").then().statusCode(200);
        given().header("Authorization", unitA).contentType(ContentType.JSON).body(Map.of("evidence", "已完成，见附件"))
                .when().post(assignment(task, UNIT_A) + "/completion-request").then().statusCode(200);
        return task;
    }

    /** A digest for unit A: a task of A due 2031-09-30, and the daily job run as of the day before. */
    private static String notificationOfUnitA() {
        TaskFixtures.taskLedBy("AM-N-" + UUID.randomUUID().toString().substring(0, 6), UNIT_A);
        String[] id = new String[1];
        // the task reaches notifications-service through Kafka; the run is idempotent, so repeat it until it has
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            given().contentType(ContentType.JSON).body(Map.of("date", "2031-09-29"))
                    .when().post("/api/v1/notifications/runs").then().statusCode(200);
            List<String> ids = given().queryParam("unitId", UNIT_A).when().get("/api/v1/notifications")
                    .then().statusCode(200).extract().path("items.id");
            id[0] = ids == null || ids.isEmpty() ? null : ids.get(0);
            return id[0] != null;
        });
        return id[0];
    }
}
