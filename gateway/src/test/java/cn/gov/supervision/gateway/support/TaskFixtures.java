package cn.gov.supervision.gateway.support;

import cn.gov.supervision.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Plans and tasks created through the gateway as admin, for tests about who may then do what with them. */
public final class TaskFixtures {

    private TaskFixtures() {
    }

    /** A new plan and a task in it led by {@code leadUnits}; returns the task's id. */
    public static String taskLedBy(String code, UUID... leadUnits) {
        String admin = TestTokens.bearer(TestTokens.admin());
        String plan = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("title", "鉴权测试计划 " + code, "year", 2031, "issuer", "湖州市人民政府办公室"))
                .when().post("/api/v1/plans")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> task = new HashMap<>();
        task.put("planId", plan);
        task.put("code", code);
        task.put("category", "KEY_TASK");
        task.put("title", "鉴权测试任务 " + code);
        task.put("leadUnitIds", List.of(leadUnits));
        task.put("deadline", Map.of("text", "9月底前", "kind", "DATE", "dueDate", "2031-09-30"));
        String[] id = new String[1];
        // the reference units reach tasks-service through Kafka after start: wait until it knows them
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Response response = given().header("Authorization", admin).contentType(ContentType.JSON).body(task)
                    .when().post("/api/v1/tasks");
            id[0] = response.statusCode() == 201 ? response.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    public static Map<String, Object> progress(String text) {
        return Map.of("text", text, "percent", 10);
    }
}
