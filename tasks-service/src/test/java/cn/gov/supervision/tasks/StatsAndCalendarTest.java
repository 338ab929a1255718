package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import static cn.gov.supervision.tasks.TaskFixtures.assignmentPath;
import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class StatsAndCalendarTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void statisticsOfAKnownPlan() {
        TaskFixtures.awaitReferenceUnits();
        LocalDate today = TaskFixtures.today();
        String plan = TaskFixtures.createPlan("统计测试计划", today.getYear() + 1);
        String onTime = TaskFixtures.createTask(plan, "S-1", "按时完成的任务", List.of(FGW), List.of(),
                TaskFixtures.dated(today.plusDays(30))).extract().path("id");
        TaskFixtures.complete(onTime, FGW);
        TaskFixtures.createTask(plan, "S-2", "逾期任务", List.of(FGW), List.of(), TaskFixtures.dated(today.minusDays(10)));
        String districts = TaskFixtures.createTask(plan, "S-3", "区县任务", List.of(DISTRICTS), List.of(),
                TaskFixtures.dated(today.plusDays(3))).extract().path("id");
        TaskFixtures.reportProgress(districts, WUXING, 30).statusCode(200);
        String yearRound = TaskFixtures.createTask(plan, "S-4", "全年任务", List.of(CZJ), List.of(FGW),
                TaskFixtures.deadline("YEAR_ROUND")).body("deadline.dueDate", equalTo((today.getYear() + 1) + "-12-31"))
                .extract().path("id");
        TaskFixtures.complete(yearRound, CZJ);

        JsonPath units = given().queryParam("planId", plan).when().get("/api/v1/stats/units")
                .then().statusCode(200).extract().jsonPath();
        assertThat(units.getList("items")).hasSize(8); // 市发展改革委, 市财政局 and the six governments
        Map<String, Object> fgw = units.getMap("items.find { it.unitId == '" + FGW + "' }");
        assertThat(fgw).containsEntry("unitName", "市发展改革委").containsEntry("total", 3).containsEntry("completed", 1)
                .containsEntry("completedOnTime", 1).containsEntry("overdue", 1).containsEntry("inProgress", 0)
                .containsEntry("completionRate", 0.3333f).containsEntry("onTimeRate", 0.3333f);
        Map<String, Object> czj = units.getMap("items.find { it.unitId == '" + CZJ + "' }");
        assertThat(czj).containsEntry("total", 1).containsEntry("completed", 1).containsEntry("completedOnTime", 1)
                .containsEntry("completionRate", 1.0f).containsEntry("onTimeRate", 1.0f);
        Map<String, Object> wuxing = units.getMap("items.find { it.unitId == '" + WUXING + "' }");
        assertThat(wuxing).containsEntry("total", 1).containsEntry("inProgress", 1).containsEntry("completed", 0)
                .containsEntry("overdue", 0);
        Map<String, Object> nanxun = units.getMap("items.find { it.unitId == '" + NANXUN + "' }");
        assertThat(nanxun).containsEntry("total", 1).containsEntry("inProgress", 0).containsEntry("completionRate", 0.0f);

        given().when().get("/api/v1/stats/plans/" + plan).then().statusCode(200)
                .body("total", equalTo(4))
                .body("byStatus.COMPLETED", equalTo(1))
                .body("byStatus.NOT_STARTED", equalTo(1))
                .body("byStatus.IN_PROGRESS", equalTo(2))
                .body("byStatus.EXTENSION_REQUESTED", equalTo(0))
                .body("byLight.NONE", equalTo(1))
                .body("byLight.RED", equalTo(1))
                .body("byLight.YELLOW", equalTo(1))
                .body("byLight.GREEN", equalTo(1))
                .body("byCategory.KEY_TASK", equalTo(4));
        given().when().get("/api/v1/stats/plans/" + java.util.UUID.randomUUID()).then().statusCode(404);
        given().queryParam("planId", "nope").when().get("/api/v1/stats/units").then().statusCode(400);
    }

    /**
     * The units' figures as they stood on a past day. Nothing in the service can act in the past, so the test acts now
     * and then dates the history lines (and completion times) back to the days the acts stand for.
     */
    @Test
    void statisticsAsOfADayReplayTheHistoryUpToThatDay() throws Exception {
        TaskFixtures.awaitReferenceUnits();
        String plan = TaskFixtures.createPlan("统计时点测试计划", 2022);
        String done = TaskFixtures.createTask(plan, "T-1", "九月底前完成", List.of(FGW), List.of(),
                TaskFixtures.dated(LocalDate.of(2022, 9, 30))).extract().path("id");
        TaskFixtures.complete(done, FGW);
        backdate(done, "PROGRESS_REPORTED", "2022-09-20");
        backdate(done, "COMPLETION_REQUESTED", "2022-09-25");
        backdate(done, "COMPLETION_APPROVED", "2022-09-28");
        String returned = TaskFixtures.createTask(plan, "T-2", "退回重办", List.of(FGW), List.of(),
                TaskFixtures.dated(LocalDate.of(2022, 10, 14))).extract().path("id");
        TaskFixtures.reportProgress(returned, FGW, 60).statusCode(200);
        TaskFixtures.post(assignmentPath(returned, FGW) + "/completion-request",
                Map.of("evidence", "已完成", "links", List.of())).statusCode(200);
        TaskFixtures.post(assignmentPath(returned, FGW) + "/completion-request/return",
                Map.of("reason", "佐证材料不全")).statusCode(200);
        backdate(returned, "PROGRESS_REPORTED", "2022-09-01");
        backdate(returned, "COMPLETION_REQUESTED", "2022-10-08");
        backdate(returned, "COMPLETION_RETURNED", "2022-10-09");
        TaskFixtures.createTask(plan, "T-3", "无人问津", List.of(FGW), List.of(),
                TaskFixtures.dated(LocalDate.of(2022, 9, 30)));
        String approvedLater = TaskFixtures.createTask(plan, "T-4", "年底前完成", List.of(FGW), List.of(),
                TaskFixtures.dated(LocalDate.of(2022, 12, 31))).extract().path("id");
        TaskFixtures.complete(approvedLater, FGW);
        backdate(approvedLater, "PROGRESS_REPORTED", "2022-10-01");
        backdate(approvedLater, "COMPLETION_REQUESTED", "2022-10-05");
        backdate(approvedLater, "COMPLETION_APPROVED", "2022-10-20");
        String extended = TaskFixtures.createTask(plan, "T-5", "申请延期", List.of(FGW), List.of(),
                TaskFixtures.dated(LocalDate.of(2022, 10, 31))).extract().path("id");
        TaskFixtures.post(assignmentPath(extended, FGW) + "/extension-request",
                Map.of("proposedDueDate", "2022-11-30", "reason", "等待省级批复")).statusCode(200);
        TaskFixtures.approve(assignmentPath(extended, FGW) + "/extension-request/approve").statusCode(200);
        backdate(extended, "EXTENSION_REQUESTED", "2022-10-01");
        backdate(extended, "EXTENSION_APPROVED", "2022-10-12");

        // 10-10: T-1 done on time; T-2 back in progress and due within a week; T-3 overdue; T-4 and T-5 wait
        assertThat(fgwAsOf(plan, "2022-10-10")).containsEntry("total", 5).containsEntry("completed", 1)
                .containsEntry("completedOnTime", 1).containsEntry("overdue", 1).containsEntry("inProgress", 3)
                .containsEntry("awaitingApproval", 2).containsEntry("red", 1).containsEntry("yellow", 1)
                .containsEntry("green", 2).containsEntry("completionRate", 0.2f);
        // 10-12: the extension was approved that day, T-5 is back to not started with its later date
        assertThat(fgwAsOf(plan, "2022-10-12")).containsEntry("completed", 1).containsEntry("inProgress", 2)
                .containsEntry("awaitingApproval", 1).containsEntry("red", 1).containsEntry("yellow", 1)
                .containsEntry("green", 2);
        // 10-20: T-4 approved that day, before its due date; T-2 is now overdue as well
        assertThat(fgwAsOf(plan, "2022-10-20")).containsEntry("completed", 2).containsEntry("completedOnTime", 2)
                .containsEntry("overdue", 2).containsEntry("awaitingApproval", 0).containsEntry("red", 2)
                .containsEntry("yellow", 0).containsEntry("green", 1);
        // today everything open is long overdue
        JsonPath now = given().queryParam("planId", plan).when().get("/api/v1/stats/units")
                .then().statusCode(200).body("asOf", equalTo(TaskFixtures.today().toString())).extract().jsonPath();
        assertThat(now.getMap("items.find { it.unitId == '" + FGW + "' }")).containsEntry("completed", 2)
                .containsEntry("completedOnTime", 2).containsEntry("overdue", 3).containsEntry("red", 3)
                .containsEntry("awaitingApproval", 0).containsEntry("green", 0);

        for (String bad : List.of("2022-13-01", "yesterday", "10/10/2022")) {
            given().queryParam("asOf", bad).when().get("/api/v1/stats/units")
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    private static Map<String, Object> fgwAsOf(String plan, String asOf) {
        JsonPath units = given().queryParam("planId", plan).queryParam("asOf", asOf).when().get("/api/v1/stats/units")
                .then().statusCode(200).body("asOf", equalTo(asOf)).extract().jsonPath();
        assertThat(units.getList("items")).hasSize(1);
        return units.getMap("items.find { it.unitId == '" + FGW + "' }");
    }

    /** Dates an act back to noon of a day in the plans' zone, and an approval's completion time with it. */
    private static void backdate(String taskId, String action, String day) throws Exception {
        TaskFixtures.execute("UPDATE task_history SET changed_at = TIMESTAMPTZ '" + day + " 12:00:00+08' "
                + "WHERE task_id = '" + taskId + "' AND action = '" + action + "'");
        if (action.equals("COMPLETION_APPROVED")) {
            TaskFixtures.execute("UPDATE assignment SET completed_at = TIMESTAMPTZ '" + day + " 12:00:00+08' "
                    + "WHERE task_id = '" + taskId + "'");
        }
    }

    @Test
    void calendarFeedParsesBackWithTheRightDatesAndAlarms() throws Exception {
        TaskFixtures.awaitReferenceUnits();
        String plan = TaskFixtures.createPlan("日历测试计划", 2031);
        String first = TaskFixtures.createTask(plan, "C-1", "司法局九月任务", List.of(SFJ), List.of(),
                TaskFixtures.dated(LocalDate.of(2031, 9, 30))).extract().path("id");
        String second = TaskFixtures.createTask(plan, "C-2", "司法局延期任务", List.of(SFJ), List.of(),
                TaskFixtures.dated(LocalDate.of(2031, 6, 30))).extract().path("id");
        TaskFixtures.post(assignmentPath(second, SFJ) + "/extension-request",
                Map.of("proposedDueDate", "2031-07-31", "reason", "配合省里统一部署")).statusCode(200);
        TaskFixtures.approve(assignmentPath(second, SFJ) + "/extension-request/approve").statusCode(200);
        String done = TaskFixtures.createTask(plan, "C-3", "已完成任务", List.of(SFJ), List.of(),
                TaskFixtures.dated(LocalDate.of(2031, 3, 31))).extract().path("id");
        TaskFixtures.complete(done, SFJ);
        TaskFixtures.createTask(plan, "C-4", "长期任务", List.of(SFJ), List.of(), TaskFixtures.deadline("ONGOING"));

        String ics = given().queryParam("unitId", SFJ).when().get("/api/v1/tasks/calendar.ics")
                .then().statusCode(200).contentType("text/calendar").extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.<VEvent>getComponents("VEVENT");
        Map<String, LocalDate> starts = new java.util.HashMap<>();
        for (VEvent event : events) {
            String summary = event.getSummary().getValue();
            Temporal start = event.getDateTimeStart().getDate();
            starts.put(summary.substring(1, summary.indexOf('】')), LocalDate.from(start));
            assertThat(event.<VAlarm>getComponents("VALARM")).hasSize(2);
            assertThat(event.getDateTimeStart().toString()).contains("VALUE=DATE");
        }
        assertThat(starts).containsEntry("C-1", LocalDate.of(2031, 9, 30))
                .containsEntry("C-2", LocalDate.of(2031, 7, 31))
                .doesNotContainKey("C-3")
                .doesNotContainKey("C-4");
        assertThat(ics).contains("UID:");
        assertThat(first).isNotBlank();

        given().when().get("/api/v1/tasks/calendar.ics").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("unitId", java.util.UUID.randomUUID()).when().get("/api/v1/tasks/calendar.ics")
                .then().statusCode(404);
    }

    @Test
    void aCalendarAppSubscribesWithASignedLinkInsteadOfAToken() throws Exception {
        TaskFixtures.awaitReferenceUnits();
        String plan = TaskFixtures.createPlan("日历订阅测试计划", 2031);
        TaskFixtures.createTask(plan, "CS-1", "信访局九月任务", List.of(XFJ), List.of(),
                TaskFixtures.dated(LocalDate.of(2031, 9, 30)));

        String url = given().queryParam("unitId", XFJ).when().get("/api/v1/tasks/calendar-subscription")
                .then().statusCode(200).body("unitId", equalTo(XFJ.toString())).extract().path("url");
        assertThat(url).startsWith("http://localhost:8080/api/v1/tasks/calendar/" + XFJ + ".ics?v=");
        String link = url.substring("http://localhost:8080".length());

        // what a phone's calendar does: no Authorization header, just the link
        String ics = TestTokens.anonymous().urlEncodingEnabled(false).when().get(link)
                .then().statusCode(200).contentType("text/calendar").extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.<VEvent>getComponents("VEVENT")).extracting(event -> event.getSummary().getValue())
                .contains("【CS-1】信访局九月任务");

        // the signature is for that unit only, and cannot be left out or altered
        String signature = link.substring(link.indexOf("sig=") + 4);
        String version = link.substring(link.indexOf("v=") + 2, link.indexOf("&sig="));
        TestTokens.anonymous().queryParam("v", version).queryParam("sig", signature).when()
                .get("/api/v1/tasks/calendar/" + SFJ + ".ics")
                .then().statusCode(403).contentType("application/problem+json");
        TestTokens.anonymous().when().get("/api/v1/tasks/calendar/" + XFJ + ".ics")
                .then().statusCode(403).contentType("application/problem+json");
        TestTokens.anonymous().queryParam("v", version).queryParam("sig", "0" + signature.substring(1)).when()
                .get("/api/v1/tasks/calendar/" + XFJ + ".ics")
                .then().statusCode(403);

        // asking for a link takes a token, and a unit user gets its own unit's link only
        TestTokens.anonymous().queryParam("unitId", XFJ).when().get("/api/v1/tasks/calendar-subscription")
                .then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(TestTokens.unit(SFJ))).queryParam("unitId", XFJ)
                .when().get("/api/v1/tasks/calendar-subscription").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(TestTokens.unit(XFJ)))
                .when().get("/api/v1/tasks/calendar-subscription").then().statusCode(200)
                .body("url", equalTo(url));
    }
}
