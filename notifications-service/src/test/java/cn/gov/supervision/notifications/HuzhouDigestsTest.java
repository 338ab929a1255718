package cn.gov.supervision.notifications;

import cn.gov.supervision.notifications.service.ReminderWording;
import cn.gov.supervision.testkit.TestTokens;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Huzhou 2022 plan imported into the real tasks-service, its events consumed here, and the day's digests sent to
 * a real SMTP server: who hears what on which working day.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HuzhouDigestsTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    /** The lead units of the tasks due 9月底前 (附件1 #4, #9, #13 and 附件2 #1, #3), each with its tasks due then. */
    private static final Map<UUID, Set<String>> DUE_END_OF_SEPTEMBER = Map.of(
            FGW, Set.of("附件1-4"),
            JSJ, Set.of("附件1-4", "附件1-9", "附件2-1"),
            GGB, Set.of("附件1-4", "附件2-3"),
            ZFB, Set.of("附件1-9", "附件1-13", "附件2-1", "附件2-3"),
            JYJ, Set.of("附件1-9", "附件2-1"),
            WJW, Set.of("附件1-9", "附件2-1"),
            STHJJ, Set.of("附件1-9", "附件2-1"),
            JTYSJ, Set.of("附件1-9", "附件2-1"),
            SGCC_HUZHOU, Set.of("附件1-9", "附件2-1"),
            XFJ, Set.of("附件1-13"));

    private static String tasksUrl;

    @BeforeEach
    void importTheHuzhouPlanOnce() throws Exception {
        tasksUrl = HuzhouPlanFixture.ensureImported();
    }

    @Test
    @Order(1)
    void onSeptember23EveryLeadUnitOfTheTasksDueEndOfSeptemberGetsOneDigestListingThem() throws Exception {
        JsonPath run = given().contentType("application/json").body(Map.of("date", "2022-09-23"))
                .when().post("/api/v1/notifications/runs").then().statusCode(200).extract().jsonPath();
        assertThat(run.getInt("digestsCreated")).isGreaterThanOrEqualTo(DUE_END_OF_SEPTEMBER.size());

        for (Map.Entry<UUID, Set<String>> expected : DUE_END_OF_SEPTEMBER.entrySet()) {
            JsonPath feed = given().queryParam("unitId", expected.getKey()).when().get("/api/v1/notifications")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> digests = feed.getList("items.findAll { it.date == '2022-09-23' }");
            assertThat(digests).as("digests of %s", HuzhouPlanFixture.code(expected.getKey())).hasSize(1);
            List<Map<String, Object>> items = feed.getList("items.find { it.date == '2022-09-23' }.items");
            List<String> dueInSevenDays = items.stream()
                    .filter(i -> "DUE_SOON".equals(i.get("kind")))
                    .peek(i -> assertThat(i.get("effectiveDeadline")).isEqualTo("2022-09-30"))
                    .peek(i -> assertThat(i.get("ruleDetail")).isEqualTo("7 days before"))
                    .map(i -> (String) i.get("code")).toList();
            assertThat(dueInSevenDays).as(HuzhouPlanFixture.code(expected.getKey())).containsExactlyInAnyOrderElementsOf(expected.getValue());
            assertThat(items).allMatch(i -> "DUE_SOON".equals(i.get("kind")) || "OVERDUE".equals(i.get("kind")));
        }
        GreenMail smtp = SmtpTestResource.smtp();
        for (UUID unit : DUE_END_OF_SEPTEMBER.keySet()) {
            String address = HuzhouPlanFixture.code(unit) + "@huzhou.test";
            await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(smtp, address, "2022-09-23").size() == 1);
            MimeMessage mail = messagesTo(smtp, address, "2022-09-23").get(0);
            assertThat(mail.getSubject()).contains("督办提醒").contains("2022年9月23日");
            assertThat(messagesTo(smtp, HuzhouPlanFixture.code(unit) + "-leader@huzhou.test", "2022-09-23"))
                    .as("the leader hears only of escalations").isEmpty();
        }

        // the same day again stores and sends nothing
        given().contentType("application/json").body(Map.of("date", "2022-09-23"))
                .when().post("/api/v1/notifications/runs").then().statusCode(200)
                .body("digestsCreated", org.hamcrest.Matchers.equalTo(0));
        for (UUID unit : DUE_END_OF_SEPTEMBER.keySet()) {
            assertThat(messagesTo(smtp, HuzhouPlanFixture.code(unit) + "@huzhou.test", "2022-09-23")).hasSize(1);
        }
        assertThat(count("SELECT count(*) FROM digest WHERE day = '2022-09-23'"))
                .isEqualTo(run.getInt("digestsCreated"));
    }

    @Test
    @Order(2)
    void theThreeWorkingDayReminderBeforeSeptember30FallsOnSeptember27() {
        JsonPath preview = preview("2022-09-27");
        for (Map.Entry<UUID, Set<String>> expected : DUE_END_OF_SEPTEMBER.entrySet()) {
            List<Map<String, Object>> items = preview.getList("find { it.unit.id == '" + expected.getKey() + "' }.items");
            assertThat(items.stream().filter(i -> "WORKING_DAYS_BEFORE".equals(i.get("rule")))
                    .map(i -> (String) i.get("code")).toList()).containsExactlyInAnyOrderElementsOf(expected.getValue());
            assertThat(items).filteredOn(i -> "WORKING_DAYS_BEFORE".equals(i.get("rule")))
                    .allMatch(i -> "3 working days before".equals(i.get("ruleDetail")));
        }
        assertThat(preview("2022-09-26").getList("findAll { it.items.any { i -> i.rule == 'WORKING_DAYS_BEFORE' } }"))
                .as("nothing counts 3 working days before on the 26th").isEmpty();
    }

    @Test
    @Order(3)
    void december30IsTheEffectiveDeadlineOfEndOfDecember() {
        JsonPath preview = preview("2022-12-30");
        Map<String, Object> czj = preview.getMap("find { it.unit.id == '" + CZJ + "' }.items.find { it.code == '附件1-3' }");
        assertThat(czj).containsEntry("kind", "DUE_TODAY").containsEntry("rule", "DEADLINE_DAY")
                .containsEntry("effectiveDeadline", "2022-12-30").containsEntry("deadlineText", "12月底前");
        assertThat(preview("2022-12-31").getList("$")).as("a Saturday sends nothing").isEmpty();
    }

    @Test
    @Order(4)
    void anOpenAssignmentDueEndOfSeptemberIsOverdueOnOctober8And11AndEscalatedOnOctober12() {
        assertThat(itemOf(preview("2022-10-08"), FGW, "附件1-4")).containsEntry("kind", "OVERDUE")
                .containsEntry("ruleDetail", "overdue working day 1").containsEntry("light", "RED");
        assertThat(itemOf(preview("2022-10-09"), FGW, "附件1-4")).isNull();
        assertThat(itemOf(preview("2022-10-10"), FGW, "附件1-4")).isNull();
        assertThat(itemOf(preview("2022-10-11"), FGW, "附件1-4")).containsEntry("kind", "OVERDUE");
        JsonPath october12 = preview("2022-10-12");
        assertThat(itemOf(october12, FGW, "附件1-4")).containsEntry("kind", "ESCALATION");
        List<Map<String, Object>> toSupervisor = october12.getList(
                "find { it.unit.id == '" + ZFB + "' }.items.findAll { it.code == '附件1-4' && it.kind == 'ESCALATION' }");
        assertThat(toSupervisor).extracting(i -> i.get("aboutUnitName"))
                .contains("市发展改革委", "市建设局", "市委改革办");
        assertThat(october12.getList("find { it.unit.id == '" + FGW + "' }.recipients"))
                .contains(HuzhouPlanFixture.code(FGW) + "-leader@huzhou.test");
    }

    @Test
    @Order(5)
    void whileSmtpIsDownDigestsAreRetriedAndDeliveredOnceWhenItReturns() throws Exception {
        SmtpTestResource.stopServer();
        JsonPath run;
        try {
            run = given().contentType("application/json").body(Map.of("date", "2022-10-12"))
                    .when().post("/api/v1/notifications/runs").then().statusCode(200).extract().jsonPath();
            assertThat(run.getInt("digestsCreated")).isPositive();
            // every mail of the day has failed at least once before the server comes back (a webhook that another
            // test registered for one of these units has a target of its own, not this mail server)
            await().atMost(Duration.ofSeconds(60)).until(() -> count(
                    "SELECT count(*) FROM delivery d JOIN digest g ON g.id = d.digest_id WHERE g.day = '2022-10-12' "
                            + "AND d.channel = 'EMAIL' AND NOT EXISTS (SELECT 1 FROM delivery_attempt a WHERE a.delivery_id = d.id "
                            + "AND NOT a.succeeded)") == 0);
        } finally {
            SmtpTestResource.startServer();
        }
        GreenMail smtp = SmtpTestResource.smtp();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM delivery d JOIN digest g ON "
                + "g.id = d.digest_id WHERE g.day = '2022-10-12' AND d.channel = 'EMAIL' AND d.status <> 'SENT'") == 0);
        List<MimeMessage> toFgw = messagesTo(smtp, HuzhouPlanFixture.code(FGW) + "@huzhou.test", "2022-10-12");
        assertThat(toFgw).hasSize(1);
        assertThat(messagesTo(smtp, HuzhouPlanFixture.code(FGW) + "-leader@huzhou.test", "2022-10-12")).hasSize(1);
        assertThat(messagesTo(smtp, HuzhouPlanFixture.code(ZFB) + "@huzhou.test", "2022-10-12")).hasSize(1);
        assertThat(text(toFgw.get(0))).contains("附件1-4").contains("逾期升级督办");
        given().queryParam("unitId", FGW).when().get("/api/v1/notifications").then()
                .body("items.find { it.date == '2022-10-12' }.deliveries[0].status", org.hamcrest.Matchers.equalTo("SENT"))
                .body("items.find { it.date == '2022-10-12' }.deliveries[0].attempts", org.hamcrest.Matchers.greaterThan(1));
        // escalation happens once: a later run does not escalate the same assignments again
        assertThat(itemOf(preview("2022-10-13"), FGW, "附件1-4")).isNull();
    }

    @Test
    @Order(6)
    void aCompletedAssignmentIsNoLongerReminded() {
        String taskId = given().baseUri(tasksUrl).queryParam("q", "统一智能化政策问答平台").queryParam("category", "KEY_TASK")
                .when().get("/api/v1/tasks").then().statusCode(200).extract().path("items[0].id");
        String base = "/api/v1/tasks/" + taskId + "/assignments/" + XFJ;
        given().baseUri(tasksUrl).contentType("application/json").body(Map.of("text", "已完成平台建设", "percent", 100))
                .when().post(base + "/progress").then().statusCode(200);
        // the unit requests, the default admin approves: whoever requested may not approve (separation of duties)
        given().baseUri(tasksUrl).header("Authorization", TestTokens.bearer(TestTokens.unit(XFJ)))
                .contentType("application/json").body(Map.of("evidence", "平台已上线"))
                .when().post(base + "/completion-request").then().statusCode(200);
        given().baseUri(tasksUrl).when().post(base + "/completion-request/approve").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM assignment_info WHERE task_id = '"
                + taskId + "' AND unit_id = '" + XFJ + "' AND status = 'COMPLETED'") == 1);
        JsonPath preview = preview("2022-09-27");
        assertThat(itemOf(preview, XFJ, "附件1-13")).isNull();
        assertThat(itemOf(preview, ZFB, "附件1-13")).containsEntry("kind", "DUE_SOON");
    }

    private static JsonPath preview(String date) {
        return given().queryParam("date", date).when().get("/api/v1/notifications/preview")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> itemOf(JsonPath preview, UUID unit, String code) {
        return preview.getMap("find { it.unit.id == '" + unit + "' }.items.find { it.code == '" + code + "' }");
    }

    /** The mails to {@code address} about {@code day} (ISO), whose subject shows it as people read it: 2022年9月23日. */
    static List<MimeMessage> messagesTo(GreenMail smtp, String address, String day) throws Exception {
        return messagesWithSubject(smtp, address, " " + ReminderWording.date(java.time.LocalDate.parse(day)) + " ");
    }

    /** The mails to {@code address} whose subject contains {@code shown}. */
    static List<MimeMessage> messagesWithSubject(GreenMail smtp, String address, String shown) throws Exception {
        GreenMailUser user = smtp.getUserManager().getUserByEmail(address);
        List<MimeMessage> messages = new ArrayList<>();
        if (user == null) {
            return messages;
        }
        // GreenMail hands out its live list of the inbox: a mail arriving while it is read (a worker still
        // delivering another test's digests) fails the read, which is then simply taken again
        for (int attempt = 1; ; attempt++) {
            try {
                messages.clear();
                for (StoredMessage stored : smtp.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                    MimeMessage message = stored.getMimeMessage();
                    if (message.getSubject() != null && message.getSubject().contains(shown)) {
                        messages.add(message);
                    }
                }
                return messages;
            } catch (java.util.ConcurrentModificationException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** The text of a mail: its plain-text and HTML parts together. */
    static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return content.toString();
    }

    static long count(String sql) throws Exception {
        return HuzhouPlanFixture.count(sql);
    }
}
