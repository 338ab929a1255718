package cn.gov.supervision.notifications;

import cn.gov.supervision.testkit.browser.Browser;
import cn.gov.supervision.testkit.browser.RenderedPage;
import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.TestTokens;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The supervising office's weekly report over the Huzhou plan in the real tasks-service, with a plan of its own seeded
 * with completed, returned-then-reported, pending, started and overdue assignments (its own plan and units no other
 * test reads, so the Huzhou plan stays as the other tests expect it): the mail GreenMail catches shows for every unit
 * the figures tasks-service's statistics give for the same day, and for the seeded units those figures are not zeros.
 * <p>
 * Neither service can act in the past, so the seeded work is done now through tasks-service's API, as a unit and the
 * office would do it, and each act is then dated back to the day in September or October 2022 it stands for, in both
 * services' databases (see {@link #datedBack}): tasks-service's history lines, which its {@code stats/units?asOf=}
 * replays, and this service's assignment snapshots, which the report replays. The assignments still open today are
 * due after today, so that no reminder of the other tests' days in 2022 lists them; the overdue one was finished late,
 * today, and is open only in the replayed past.
 */
@QuarkusTest
class WeeklyReportTest {

    private static final Pattern UNIT_LINE = Pattern.compile("^(.+?)：交办 (\\d+) 项，已完成 (\\d+) 项（按时完成 (\\d+) 项），"
            + "逾期 (\\d+) 项，待审核 (\\d+) 项；红灯 (\\d+)，黄灯 (\\d+)，绿灯 (\\d+)；完成率 (\\d+)%\\r?$", Pattern.MULTILINE);
    private static final Pattern OVERDUE_DUE = Pattern.compile("截止(\\d{4})年(\\d{1,2})月(\\d{1,2})日，已逾期");
    /** The report's figures in the order of its unit lines, as tasks-service names them. */
    private static final List<String> FIGURES = List.of("total", "completed", "completedOnTime", "overdue",
            "awaitingApproval", "red", "yellow", "green");

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    /** A day after the seeded work, in a week no other run touches. */
    private static final LocalDate LATER = TODAY.plusWeeks(3);
    /** Rows written from here on were written by this run; those dated back are in 2022. */
    private static final String WRITTEN_NOW = "TIMESTAMPTZ '" + TODAY.minusDays(1) + " 00:00:00+08'";
    private static final LocalDate PUBLISHED = LocalDate.of(2022, 9, 1);

    /** tasks-service's database in this module's tests (NotificationsTestResources). */
    private static final String TASKS_DATABASE = "tasks_for_notifications_test";

    private static String tasksUrl;
    private static String seededPlan;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @BeforeEach
    void seedOnce() throws Exception {
        tasksUrl = HuzhouPlanFixture.ensureImported();
        if (seededPlan != null) {
            return;
        }
        String plan = tasks().contentType("application/json")
                .body(Map.of("title", "督办周报测试计划", "year", 2022, "issuer", "湖州市人民政府办公室"))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        // 人社局 finished on time: reported, asked to close and was approved before its September deadline
        String completed = task(plan, "周报-1", "已办结的任务", RLSBJ, LocalDate.of(2022, 9, 30));
        progress(completed, RLSBJ);
        datedBack(completed, LocalDate.of(2022, 9, 15));
        requestCompletion(completed, RLSBJ);
        datedBack(completed, LocalDate.of(2022, 9, 26));
        asSupervisor().post(assignment(completed, RLSBJ) + "/completion-request/approve").then().statusCode(200);
        datedBack(completed, LocalDate.of(2022, 9, 28));
        // 市场监管局 asked to close, was sent back (退回) for missing evidence, and reported progress again
        String returned = task(plan, "周报-2", "被退回的任务", SCJGJ, LATER.plusDays(3));
        progress(returned, SCJGJ);
        datedBack(returned, LocalDate.of(2022, 9, 15));
        requestCompletion(returned, SCJGJ);
        datedBack(returned, LocalDate.of(2022, 9, 26));
        tasks().contentType("application/json").body(Map.of("reason", "佐证材料不全"))
                .post(assignment(returned, SCJGJ) + "/completion-request/return").then().statusCode(200);
        datedBack(returned, LocalDate.of(2022, 9, 28));
        progress(returned, SCJGJ);
        datedBack(returned, LocalDate.of(2022, 10, 9));
        // 司法局's request to close has waited since the Saturday worked before the report
        String pending = task(plan, "周报-3", "待审核的任务", SFJ, TODAY.plusDays(200));
        progress(pending, SFJ);
        datedBack(pending, LocalDate.of(2022, 9, 20));
        requestCompletion(pending, SFJ);
        datedBack(pending, LocalDate.of(2022, 10, 8));
        // 税务局 has reported progress and goes on
        String started = task(plan, "周报-4", "推进中的任务", SWJ, TODAY.plusDays(60));
        progress(started, SWJ);
        datedBack(started, LocalDate.of(2022, 9, 20));
        // 网信办: one not started yet, one past its September deadline on 10-10 and finished only today (not dated back)
        task(plan, "周报-5", "将要逾期的任务", WXB, TODAY.plusDays(7));
        String late = task(plan, "周报-6", "逾期后才办结的任务", WXB, LocalDate.of(2022, 9, 30));
        progress(late, WXB);
        datedBack(late, LocalDate.of(2022, 9, 20));
        requestCompletion(late, WXB);
        asSupervisor().post(assignment(late, WXB) + "/completion-request/approve").then().statusCode(200);
        // this service has caught up when its read model holds the plan's assignments as tasks-service does
        await().atMost(Duration.ofSeconds(60)).until(() -> HuzhouPlanFixture.count("SELECT count(*) FROM assignment_info ai "
                + "JOIN task_info t ON t.id = ai.task_id WHERE t.plan_id = '" + plan + "' AND ai.status IN "
                + "('COMPLETED', 'COMPLETION_REQUESTED')") == 3
                && HuzhouPlanFixture.count("SELECT count(*) FROM assignment_info ai JOIN task_info t ON t.id = ai.task_id "
                + "WHERE t.plan_id = '" + plan + "' AND ai.status = 'IN_PROGRESS'") == 2);
        seededPlan = plan;
    }

    @Test
    void theReportOfOctober10ShowsEveryUnitAsTasksServiceCountsIt() throws Exception {
        given().contentType("application/json").body(Map.of("date", "2022-10-10"))
                .when().post("/api/v1/notifications/weekly-reports/runs").then().statusCode(200)
                .body("weekOf", equalTo("2022-10-10")).body("reportDay", equalTo("2022-10-10"))
                .body("created", equalTo(true)).body("deliveriesCreated", equalTo(1));
        MimeMessage mail = awaitOneReport("2022年10月10日");
        JsonPath stats = assertFiguresMatch(mail, "2022-10-10");

        // the seeded plan alone, as of that day: what the units had done by then, and nothing done since
        Map<String, Object> completed = seededAsOf("2022-10-10", RLSBJ);
        assertThat(completed).containsEntry("total", 1).containsEntry("completed", 1)
                .containsEntry("completedOnTime", 1).containsEntry("awaitingApproval", 0);
        // sent back on 09-28, so no longer awaiting approval; in progress again, due long after 10-10
        assertThat(seededAsOf("2022-09-26", SCJGJ)).containsEntry("awaitingApproval", 1);
        Map<String, Object> returned = seededAsOf("2022-10-10", SCJGJ);
        assertThat(returned).containsEntry("total", 1).containsEntry("completed", 0)
                .containsEntry("inProgress", 1).containsEntry("awaitingApproval", 0).containsEntry("green", 1);
        Map<String, Object> pending = seededAsOf("2022-10-10", SFJ);
        assertThat(pending).containsEntry("total", 1).containsEntry("inProgress", 1)
                .containsEntry("awaitingApproval", 1).containsEntry("green", 1);
        Map<String, Object> started = seededAsOf("2022-10-10", SWJ);
        assertThat(started).containsEntry("total", 1).containsEntry("inProgress", 1)
                .containsEntry("awaitingApproval", 0).containsEntry("green", 1);
        // the late one was still open past its 09-30 deadline; the other not started yet
        Map<String, Object> overdue = seededAsOf("2022-10-10", WXB);
        assertThat(overdue).containsEntry("total", 2).containsEntry("completed", 0).containsEntry("overdue", 1)
                .containsEntry("inProgress", 1).containsEntry("red", 1).containsEntry("green", 1);
        // the report's lines for these units count all plans (the Huzhou plan's assignments too), which
        // assertFiguresMatch has compared with tasks-service's: they hold at least the seeded work, so they are not
        // a comparison of zeros
        Map<String, List<Long>> reported = reportedFigures(mail);
        for (Map.Entry<UUID, Map<String, Object>> seeded : Map.of(RLSBJ, completed, SCJGJ, returned, SFJ, pending,
                SWJ, started, WXB, overdue).entrySet()) {
            String name = stats.getString("items.find { it.unitId == '" + seeded.getKey() + "' }.unitName");
            List<Long> line = reported.get(name);
            assertThat(line).as("the report's line for %s", name).isNotNull();
            for (int i = 0; i < FIGURES.size(); i++) {
                assertThat(line.get(i)).as("%s of %s in the report", FIGURES.get(i), name)
                        .isGreaterThanOrEqualTo(((Number) seeded.getValue().get(FIGURES.get(i))).longValue());
            }
        }
        String rlsbj = stats.getString("items.find { it.unitId == '" + RLSBJ + "' }.unitName");
        String sfj = stats.getString("items.find { it.unitId == '" + SFJ + "' }.unitName");
        String wxb = stats.getString("items.find { it.unitId == '" + WXB + "' }.unitName");
        assertThat(reported.get(rlsbj).get(FIGURES.indexOf("completed"))).as("completed, %s", rlsbj).isPositive();
        assertThat(reported.get(rlsbj).get(FIGURES.indexOf("completedOnTime"))).as("on time, %s", rlsbj).isPositive();
        assertThat(reported.get(sfj).get(FIGURES.indexOf("awaitingApproval"))).as("awaiting, %s", sfj).isPositive();
        assertThat(reported.get(wxb).get(FIGURES.indexOf("overdue"))).as("overdue, %s", wxb).isPositive();

        String html = HuzhouDigestsTest.text(mail);
        // for a person to look at (and to screenshot in a browser): the HTML part as the mail client gets it
        Files.writeString(Path.of("target", "weekly-report-2022-10-10.html"), htmlPart(mail));
        // most units had done nothing by then (their bars are all grey); 人社局's has a green part
        assertThat(html).contains("<td width=\"100%\" bgcolor=\"#e0e0e0\"").contains("bgcolor=\"#2e7d32\"")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<link").contains("逾期最久的事项");
        List<LocalDate> overdueDates = new ArrayList<>();
        Matcher due = OVERDUE_DUE.matcher(html.substring(0, html.indexOf("本邮件")));
        while (due.find()) {
            overdueDates.add(LocalDate.of(Integer.parseInt(due.group(1)), Integer.parseInt(due.group(2)),
                    Integer.parseInt(due.group(3))));
        }
        assertThat(overdueDates).as("the most overdue first").isNotEmpty().isSorted();
        renderedAsAPersonSeesIt(Path.of("target", "weekly-report-2022-10-10.html").toAbsolutePath());

        // again in the same week: nothing new is stored or sent
        given().contentType("application/json").body(Map.of("date", "2022-10-12"))
                .when().post("/api/v1/notifications/weekly-reports/runs").then().statusCode(200)
                .body("weekOf", equalTo("2022-10-10")).body("created", equalTo(false))
                .body("deliveriesCreated", equalTo(0));
        assertThat(HuzhouPlanFixture.count("SELECT count(*) FROM digest WHERE kind = 'WEEKLY' AND day = '2022-10-10'"))
                .isEqualTo(1);
        assertThat(HuzhouPlanFixture.count("SELECT count(*) FROM delivery d JOIN digest g ON g.id = d.digest_id "
                + "WHERE g.kind = 'WEEKLY' AND g.day = '2022-10-10'")).isEqualTo(1);
        assertThat(reportsTo(SmtpTestResource.smtp(), "2022年10月10日")).hasSize(1);
    }

    /** A day whose figures include the seeded completions, returns and pending requests: one after all of them. */
    @Test
    void aReportAfterTheSeededWorkCountsItsCompletionsAndRequestsAsTasksServiceDoes() throws Exception {
        LocalDate later = LATER;
        given().contentType("application/json").body(Map.of("date", later.toString()))
                .when().post("/api/v1/notifications/weekly-reports/runs").then().statusCode(200)
                .body("created", equalTo(true));
        MimeMessage mail = awaitOneReport(later.getYear() + "年" + later.getMonthValue() + "月" + later.getDayOfMonth() + "日");
        JsonPath stats = assertFiguresMatch(mail, later.toString());
        assertThat(HuzhouDigestsTest.text(mail)).as("a unit with work done has a green part in its bar")
                .contains("bgcolor=\"#2e7d32\"");
        // the seeded units' own figures: the comparison above is not one of zeros
        assertThat(stats.getLong("items.find { it.unitId == '" + RLSBJ + "' }.completedOnTime")).isEqualTo(1);
        assertThat(stats.getLong("items.find { it.unitId == '" + SCJGJ + "' }.yellow")).isEqualTo(1);
        assertThat(stats.getLong("items.find { it.unitId == '" + SFJ + "' }.awaitingApproval")).isEqualTo(1);
        assertThat(stats.getLong("items.find { it.unitId == '" + WXB + "' }.overdue")).isGreaterThanOrEqualTo(1);
        // 网信办's late one was finished today, after its deadline
        assertThat(seededAsOf(later.toString(), WXB)).containsEntry("completed", 1).containsEntry("completedOnTime", 0);
    }

    @Test
    void whenMondayIsAHolidayTheReportGoesOutOnTheFirstWorkingDayOfTheWeek() {
        // 2022-09-12 was the Mid-Autumn Festival holiday (中秋节)
        given().contentType("application/json").body(Map.of("date", "2022-09-12"))
                .when().post("/api/v1/notifications/weekly-reports/runs").then().statusCode(200)
                .body("weekOf", equalTo("2022-09-12")).body("reportDay", equalTo("2022-09-13"));
    }

    @Test
    void aBadDateIsAProblemAndChangesNothing() throws Exception {
        long before = HuzhouPlanFixture.count("SELECT count(*) FROM digest WHERE kind = 'WEEKLY'");
        for (Object body : List.of(Map.of("date", "2022-13-01"), Map.of("date", "下周一"), Map.of())) {
            given().contentType("application/json").body(body)
                    .when().post("/api/v1/notifications/weekly-reports/runs").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertThat(HuzhouPlanFixture.count("SELECT count(*) FROM digest WHERE kind = 'WEEKLY'")).isEqualTo(before);
    }

    @Test
    void onlyAnAdministratorRunsTheReport() {
        for (String token : List.of(TestTokens.unit(ZFB), TestTokens.supervisor(), TestTokens.viewer())) {
            given().header("Authorization", TestTokens.bearer(token)).contentType("application/json")
                    .body(Map.of("date", "2022-10-17")).when().post("/api/v1/notifications/weekly-reports/runs")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    /** Every unit tasks-service counts has one line in the mail's text with the same figures, and no other unit does. */
    private static JsonPath assertFiguresMatch(MimeMessage mail, String asOf) throws Exception {
        JsonPath stats = tasks().queryParam("asOf", asOf).get("/api/v1/stats/units")
                .then().statusCode(200).extract().jsonPath();
        Map<String, List<Long>> reported = reportedFigures(mail);
        List<Map<String, Object>> items = stats.getList("items");
        assertThat(reported).as("units in the report").hasSize(items.size());
        for (Map<String, Object> unit : items) {
            List<Long> expected = new ArrayList<>();
            for (String field : FIGURES) {
                expected.add(((Number) unit.get(field)).longValue());
            }
            expected.add(Math.round(((Number) unit.get("completionRate")).doubleValue() * 100));
            assertThat(reported.get((String) unit.get("unitName"))).as("%s as of %s", unit.get("unitName"), asOf)
                    .isEqualTo(expected);
        }
        return stats;
    }

    /** Each unit line of the mail's text: its figures in the order of {@link #FIGURES}, then the rate in percent. */
    private static Map<String, List<Long>> reportedFigures(MimeMessage mail) throws Exception {
        Map<String, List<Long>> reported = new java.util.HashMap<>();
        Matcher line = UNIT_LINE.matcher(HuzhouDigestsTest.text(mail));
        while (line.find()) {
            List<Long> figures = new ArrayList<>();
            for (int group = 2; group <= 10; group++) {
                figures.add(Long.parseLong(line.group(group)));
            }
            assertThat(reported.put(line.group(1), figures)).as("one line for %s", line.group(1)).isNull();
        }
        return reported;
    }

    /** One unit's figures in the seeded plan alone, as tasks-service counts them at the end of a day. */
    private static Map<String, Object> seededAsOf(String asOf, UUID unit) {
        JsonPath stats = tasks().queryParam("planId", seededPlan).queryParam("asOf", asOf).get("/api/v1/stats/units")
                .then().statusCode(200).extract().jsonPath();
        return stats.getMap("items.find { it.unitId == '" + unit + "' }");
    }

    /**
     * The mail's HTML part in Chromium at a phone's width and a desktop's: the title, the units and the overdue list
     * are there, and nothing needs scrolling sideways at 390 px. Screenshots land in target/screenshots/.
     */
    private static void renderedAsAPersonSeesIt(Path html) throws Exception {
        assertThat(Browser.available()).as("Chromium at %s (installed by .ci/run)", Browser.executable()).isTrue();
        try (Browser browser = Browser.start()) {
            for (int width : new int[] {390, 1280}) {
                RenderedPage page = browser.open(html.toUri().toString(), width);
                assertThat(page.visibleText()).contains("督办周报", "市发展改革委", "吴兴区政府", "逾期最久的事项", "已逾期");
                assertThat(page.documentWidth()).as("no sideways scrolling at %d px", width)
                        .isLessThanOrEqualTo(page.viewportWidth());
                assertThat(Files.size(page.screenshot(Path.of("target", "screenshots", "weekly-report-" + width + ".png"))))
                        .isPositive();
            }
        }
    }

    private static String htmlPart(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = htmlPart(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    private static MimeMessage awaitOneReport(String asOf) throws Exception {
        GreenMail smtp = SmtpTestResource.smtp();
        await().atMost(Duration.ofSeconds(30)).until(() -> reportsTo(smtp, asOf).size() == 1);
        return reportsTo(smtp, asOf).get(0);
    }

    /** The weekly reports as of a day that reached the supervising office (市政府办公室). */
    private static List<MimeMessage> reportsTo(GreenMail smtp, String asOf) throws Exception {
        return HuzhouDigestsTest.messagesWithSubject(smtp, HuzhouPlanFixture.code(ZFB) + "@huzhou.test", "截至" + asOf).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("【督办周报】");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private static RequestSpecification tasks() {
        return given().baseUri(tasksUrl).header("Authorization", TestTokens.bearer(TestTokens.admin()));
    }

    private static RequestSpecification asSupervisor() {
        return given().baseUri(tasksUrl).header("Authorization", TestTokens.bearer(TestTokens.supervisor()));
    }

    /** A task of the seeded plan for one lead unit, assigned when the plan was published. */
    private static String task(String plan, String code, String title, UUID unit, LocalDate dueDate) throws Exception {
        String id = tasks().contentType("application/json").body(Map.of("planId", plan, "code", code, "category", "KEY_TASK",
                        "title", title, "leadUnitIds", List.of(unit.toString()), "coUnitIds", List.of(),
                        "deadline", Map.of("kind", "DATE", "dueDate", dueDate.toString())))
                .post("/api/v1/tasks").then().statusCode(201).extract().path("id");
        datedBack(id, PUBLISHED);
        return id;
    }

    /**
     * Dates what the acts on a task recorded since it was last dated back to noon of {@code day} in Huzhou, as if they
     * had been done then. In tasks-service: the history lines its {@code stats/units?asOf=} replays, an approval's
     * completion time and a progress report's time. In this service, once it has consumed the act's event (its read
     * model has the task's version tasks-service now has): the assignment snapshots the weekly report replays and the
     * time of the last progress report. Only rows written today are moved, so acts dated back earlier stay where they
     * are; each act here is dated on its own day, so the order of the rows is the order of the acts.
     */
    private static void datedBack(String taskId, LocalDate day) throws Exception {
        String noon = "TIMESTAMPTZ '" + day + " 12:00:00+08'";
        String tasksDb = PostgresTestResource.jdbcUrl(TASKS_DATABASE);
        PostgresTestResource.execute(tasksDb, "UPDATE task_history SET changed_at = " + noon
                + " WHERE task_id = '" + taskId + "' AND changed_at >= " + WRITTEN_NOW);
        PostgresTestResource.execute(tasksDb, "UPDATE assignment SET completed_at = " + noon
                + " WHERE task_id = '" + taskId + "' AND completed_at >= " + WRITTEN_NOW);
        PostgresTestResource.execute(tasksDb, "UPDATE progress_report SET reported_at = " + noon
                + " WHERE task_id = '" + taskId + "' AND reported_at >= " + WRITTEN_NOW);
        long version = tasks().get("/api/v1/tasks/" + taskId).then().statusCode(200).extract().jsonPath().getLong("version");
        await().atMost(Duration.ofSeconds(60)).until(() -> HuzhouPlanFixture.count("SELECT count(*) FROM task_info "
                + "WHERE id = '" + taskId + "' AND version >= " + version) == 1);
        String notificationsDb = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        PostgresTestResource.execute(notificationsDb, "UPDATE assignment_snapshot SET occurred_at = " + noon
                + " WHERE task_id = '" + taskId + "' AND occurred_at >= " + WRITTEN_NOW);
        PostgresTestResource.execute(notificationsDb, "UPDATE assignment_info SET last_progress_at = " + noon
                + " WHERE task_id = '" + taskId + "' AND last_progress_at >= " + WRITTEN_NOW);
    }

    private static String assignment(String taskId, UUID unit) {
        return "/api/v1/tasks/" + taskId + "/assignments/" + unit;
    }

    private static void progress(String taskId, UUID unit) {
        tasks().contentType("application/json").body(Map.of("text", "正在推进，已完成过半", "percent", 60, "links", List.of()))
                .post(assignment(taskId, unit) + "/progress").then().statusCode(200);
    }

    private static void requestCompletion(String taskId, UUID unit) {
        tasks().contentType("application/json").body(Map.of("evidence", "已按要求完成", "links", List.of()))
                .post(assignment(taskId, unit) + "/completion-request").then().statusCode(200);
    }
}
