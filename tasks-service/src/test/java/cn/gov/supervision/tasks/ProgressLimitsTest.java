package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.TopicProbe;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static cn.gov.supervision.tasks.TaskFixtures.assignmentPath;
import static cn.gov.supervision.testkit.HuzhouUnits.CZJ;
import static cn.gov.supervision.testkit.HuzhouUnits.FGW;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * What one assignment's progress may grow to: progress and history are read a page at a time, an assignment keeps at
 * most {@code tasks.progress.max-reports-per-assignment} reports (a small number in tests), one report is bounded,
 * and its event carries neither its text nor its links.
 */
@QuarkusTest
class ProgressLimitsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tasks.progress.max-reports-per-assignment")
    int maxReports;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    private static String newTask(String code) {
        TaskFixtures.awaitReferenceUnits();
        String plan = TaskFixtures.createPlan("进展上限测试计划" + code, 2033);
        return TaskFixtures.createTask(plan, code, "进展上限任务", List.of(FGW), List.of(CZJ),
                TaskFixtures.deadline("ONGOING")).extract().path("id");
    }

    @Test
    void progressAndHistoryAreReadAPageAtATime() throws Exception {
        String id = newTask("PL-1");
        for (int percent : List.of(10, 20, 30)) {
            TaskFixtures.reportProgress(id, FGW, percent).statusCode(200);
        }
        TaskFixtures.reportProgress(id, CZJ, 5).statusCode(200);

        String progress = "/api/v1/tasks/" + id + "/progress";
        given().queryParam("size", 3).when().get(progress).then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(3)).body("total", equalTo(4))
                .body("items.percent", contains(10, 20, 30));
        given().queryParam("size", 3).queryParam("page", 1).when().get(progress).then().statusCode(200)
                .body("total", equalTo(4)).body("items.percent", contains(5));
        given().when().get(progress).then().statusCode(200).body("size", equalTo(50)).body("items.size()", equalTo(4));

        String history = "/api/v1/tasks/" + id + "/history";
        long changes = TaskFixtures.count("SELECT count(*) FROM task_history WHERE task_id = '" + id + "'");
        assertThat(changes).isGreaterThan(2);
        List<String> seen = new ArrayList<>();
        for (int page = 0; page * 2 < changes; page++) {
            JsonPath answer = given().queryParam("size", 2).queryParam("page", page).when().get(history).then()
                    .statusCode(200).body("total", equalTo((int) changes)).extract().jsonPath();
            assertThat(answer.getList("items")).hasSizeLessThanOrEqualTo(2).isNotEmpty();
            seen.addAll(answer.getList("items.id"));
        }
        assertThat(seen).hasSize((int) changes).doesNotHaveDuplicates();

        for (String path : List.of(progress, history)) {
            given().queryParam("size", 201).when().get(path).then().statusCode(400)
                    .contentType("application/problem+json");
            given().queryParam("page", -1).when().get(path).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void anAssignmentKeepsAtMostTheConfiguredNumberOfReports() throws Exception {
        String id = newTask("PL-2");
        for (int i = 1; i <= maxReports; i++) {
            TaskFixtures.reportProgress(id, FGW, i).statusCode(200);
        }
        TaskFixtures.reportProgress(id, FGW, 99).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/progress-limit"));

        String reportsOf = "SELECT count(*) FROM progress_report WHERE task_id = '" + id + "' AND unit_id = ";
        assertThat(TaskFixtures.count(reportsOf + "'" + FGW + "'")).isEqualTo(maxReports);
        assertThat(TaskFixtures.count("SELECT count(*) FROM task_history WHERE task_id = '" + id
                + "' AND action = 'PROGRESS_REPORTED'")).isEqualTo(maxReports);
        given().when().get("/api/v1/tasks/" + id).then()
                .body("assignments.find { it.unitId == '" + FGW + "' }.percent", equalTo(maxReports));
        // the cap is the assignment's: the co-unit on the same task still reports
        TaskFixtures.reportProgress(id, CZJ, 10).statusCode(200);
        assertThat(TaskFixtures.count(reportsOf + "'" + CZJ + "'")).isEqualTo(1);
    }

    @Test
    void oneReportIsBoundedAndARefusedOneStoresNothing() throws Exception {
        String id = newTask("PL-3");
        String path = assignmentPath(id, FGW) + "/progress";
        List<String> sixLinks = Collections.nCopies(6, "https://example.gov.cn/p");
        TaskFixtures.post(path, Map.of("text", "六个链接", "links", sixLinks)).statusCode(400)
                .contentType("application/problem+json");
        TaskFixtures.post(path, Map.of("text", "过长的链接", "links", List.of("https://example.gov.cn/" + "x".repeat(1000))))
                .statusCode(400).contentType("application/problem+json");
        assertThat(TaskFixtures.count("SELECT count(*) FROM progress_report WHERE task_id = '" + id + "'")).isZero();
        TaskFixtures.post(path, Map.of("text", "五个链接", "links", Collections.nCopies(5, "https://example.gov.cn/p")))
                .statusCode(200);
    }

    @Test
    void aProgressEventCarriesTheReportsIdAndPercentButNotItsTextOrLinks() {
        String id = newTask("PL-4");
        String text = "本月推进情况详见附件。".repeat(450);
        List<String> links = Collections.nCopies(5, "https://example.gov.cn/" + "附件".repeat(400));
        try (TopicProbe probe = TopicProbe.fromNow(bootstrapServers, "tasks.events")) {
            TaskFixtures.post(assignmentPath(id, FGW) + "/progress", Map.of("text", text, "percent", 60, "links", links))
                    .statusCode(200);
            List<ConsumerRecord<String, String>> records = probe.awaitRecordsWithKey(id, 1, Duration.ofSeconds(30));
            JsonNode event = records.stream().map(TopicProbe::json)
                    .filter(e -> e.path("type").asText().equals("ProgressReported")).findFirst().orElseThrow();
            JsonNode reported = event.path("payload").path("change").path("progress");
            assertThat(reported.path("percent").asInt()).isEqualTo(60);
            String stored = given().when().get("/api/v1/tasks/" + id + "/progress").then().statusCode(200)
                    .body("items[0].text", equalTo(text)).extract().path("items[0].id");
            assertThat(reported.path("id").asText()).isEqualTo(stored);
            assertThat(reported.has("text")).as("the event's progress: %s", reported).isFalse();
            assertThat(reported.has("links")).isFalse();
            // the whole event is smaller than the report's text alone
            assertThat(records.stream().filter(r -> r.value().contains("ProgressReported")).findFirst().orElseThrow()
                    .value().length()).isLessThan(text.length());
        }
    }
}
