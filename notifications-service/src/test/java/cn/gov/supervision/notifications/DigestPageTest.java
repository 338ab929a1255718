package cn.gov.supervision.notifications;

import cn.gov.supervision.kit.security.LinkSignatures;
import cn.gov.supervision.notifications.service.ReminderWording;
import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.ReadableText;
import cn.gov.supervision.testkit.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * The page behind every digest mail, followed from the mail GreenMail caught: it lists exactly the digest's items in
 * words a clerk uses (where each stands, the unit's status and last progress, what is expected next), a page at a time
 * when there are hundreds; an expired link offers to mail a fresh one, to the unit's own contacts only, a few times a
 * day at most; and nothing a person reads in mails, pages or webhook texts is in English.
 */
@QuarkusTest
class DigestPageTest {

    /** The seventh overdue working day of the tasks due 9月底前: an OVERDUE reminder; no other test runs this day. */
    static final String DAY = "2022-10-14";
    /** The sixteenth overdue working day: the webhook must be registered before this day's run, so a day of its own. */
    static final String WEBHOOK_DAY = "2022-10-27";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void theMailedLinkOpensAPageListingExactlyTheDigestsItemsInWordsAndOnlyTheButtonAcknowledges() throws Exception {
        String id = digestOf(JYJ);
        MimeMessage mail = mailsTo(JYJ).get(0);
        String text = HuzhouDigestsTest.text(mail);
        assertThat(text).as("no task links to the API, which answers a browser with 401")
                .doesNotContain("/api/v1/tasks/");
        String link = pageLink(text, id);
        // every task in the mail links to its place on the same page
        Matcher itemLinks = Pattern.compile("http://localhost:8080/api/v1/notifications/" + id
                + "/ack\\?[^\\s\"<>]*page=1#item-[0-9]+").matcher(text);
        assertThat(itemLinks.find()).as("the mail's tasks link to their place on the page").isTrue();

        List<String> expected = given().when().get("/api/v1/notifications/" + id).then().statusCode(200)
                .extract().path("items.code");
        assertThat(expected).isNotEmpty();
        String page = AcknowledgementLinkTest.open(link).statusCode(200).contentType("text/html")
                .extract().asString();
        assertThat(codesOn(page)).as("the page lists exactly the digest's items").isEqualTo(expected);
        assertThat(ReadableText.ofHtml(page)).contains("市教育局").contains("2022年10月14日 督办提醒")
                .contains("红灯").contains("已逾期 7 个工作日").contains("逾期提醒").contains("完成时限")
                .contains("9月底前").contains("2022年9月30日").contains("办理状态").contains("最近进展")
                .contains("下一步").contains("请尽快办结");
        assertThat(AcknowledgementLinkTest.acknowledgedAt(id)).as("opening the page acknowledged nothing").isNull();

        // 签收: the form as the browser posts it
        Map<String, String> fields = AcknowledgementLinkTest.query(URI.create(link));
        for (int press = 0; press < 2; press++) {
            TestTokens.anonymous().contentType(ContentType.URLENC).formParams(fields)
                    .when().post("/api/v1/notifications/" + id + "/ack/confirm")
                    .then().statusCode(200).body(containsString("已签收"));
        }
        assertThat(AcknowledgementLinkTest.acknowledgedAt(id)).isNotNull();
    }

    @Test
    void theUnitsOwnStatusAndLastProgressComeFromTasksEvents() throws Exception {
        String tasksUrl = HuzhouPlanFixture.ensureImported();
        String id = digestOf(STHJJ);
        String link = pageLink(HuzhouDigestsTest.text(mailsTo(STHJJ).get(0)), id);
        String taskId = given().baseUri(tasksUrl).queryParam("size", 200)
                .when().get("/api/v1/tasks").then().statusCode(200)
                .extract().path("items.find { it.code == '附件1-9' }.id");
        given().baseUri(tasksUrl).header("Authorization", TestTokens.bearer(TestTokens.unit(STHJJ)))
                .contentType("application/json").body(Map.of("text", "已完成主体工作", "percent", 60))
                .when().post("/api/v1/tasks/" + taskId + "/assignments/" + STHJJ + "/progress")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> HuzhouPlanFixture.count("SELECT count(*) FROM "
                + "assignment_info WHERE task_id = '" + taskId + "' AND unit_id = '" + STHJJ + "' AND percent = 60 "
                + "AND last_progress_at IS NOT NULL") == 1);
        String page = ReadableText.ofHtml(AcknowledgementLinkTest.open(link).statusCode(200).extract().asString());
        String today = ReminderWording.date(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(page).contains("推进中").contains(today).contains("报送，完成 60%");
    }

    @Test
    void aDigestOfHundredsOfItemsIsReadAPageAtATime() throws Exception {
        HuzhouPlanFixture.ensureImported();
        UUID id = UUID.randomUUID();
        List<String> codes = new ArrayList<>();
        ArrayNode items = JSON.createArrayNode();
        String taskId = given().when().get("/api/v1/notifications/preview?date=" + DAY).then().statusCode(200)
                .extract().path("[0].items[0].taskId");
        for (int i = 1; i <= 120; i++) {
            codes.add("合成-" + i);
            ObjectNode item = items.addObject();
            item.put("taskId", taskId).put("code", "合成-" + i).put("title", "第" + i + "项合成任务")
                    .put("deadlineText", "9月底前").put("dueDate", "2022-09-30").put("effectiveDeadline", "2022-09-30")
                    .put("kind", "OVERDUE").put("rule", "OVERDUE").put("ruleDetail", "overdue working day 7")
                    .put("light", "RED").putNull("aboutUnitId").putNull("aboutUnitName")
                    .put("link", "http://localhost:8080/api/v1/tasks/" + taskId);
        }
        PostgresTestResource.execute(jdbcUrl, "INSERT INTO digest (id, unit_id, day, kind, items, item_count, "
                + "recipients, created_at) VALUES ('" + id + "', '" + WXB + "', '2031-01-06', 'DAILY', '"
                + items + "', 120, '[]', now())");
        String link = signed(id, WXB, Instant.now().plus(Duration.ofDays(1)));

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            String html = AcknowledgementLinkTest.open(link + "&page=" + page).statusCode(200).extract().asString();
            List<String> onPage = codesOn(html);
            assertThat(onPage).hasSize(page < 3 ? 50 : 20);
            assertThat(html).contains("第 " + page + " 页，共 3 页").contains(page < 3 ? "下一页" : "上一页");
            seen.addAll(onPage);
        }
        assertThat(seen).as("every item once, in order, over three pages").isEqualTo(codes);
        assertThat(codesOn(AcknowledgementLinkTest.open(link + "&page=99").statusCode(200).extract().asString()))
                .as("a page past the end shows the last").hasSize(20);
        AcknowledgementLinkTest.open(link + "&page=0").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anExpiredLinkOffersAFreshLinkMailedToTheUnitsOwnContactsAFewTimesADayAtMost() throws Exception {
        String id = digestOf(JTYSJ);
        MimeMessage first = mailsTo(JTYSJ).get(0);
        String expired = signed(UUID.fromString(id), JTYSJ, Instant.now().minusSeconds(60));
        String refusal = AcknowledgementLinkTest.open(expired).statusCode(410).body(containsString("链接已过期"))
                .body(containsString("发送新链接")).extract().asString();
        Map<String, String> fields = AcknowledgementLinkTest.query(URI.create(expired));
        String freshLink = "/api/v1/notifications/" + id + "/ack/fresh-link";
        assertThat(refusal).contains("action=\"" + freshLink + "\"");

        // the link still works: nothing to send
        TestTokens.anonymous().contentType(ContentType.URLENC)
                .formParams(AcknowledgementLinkTest.query(URI.create(pageLink(HuzhouDigestsTest.text(first), id))))
                .when().post(freshLink).then().statusCode(409).contentType("text/html").body(containsString("仍然有效"));
        // an altered link: nothing to send
        Map<String, String> altered = new LinkedHashMap<>(fields);
        altered.put("exp", String.valueOf(Long.parseLong(fields.get("exp")) + 3600));
        TestTokens.anonymous().contentType(ContentType.URLENC).formParams(altered)
                .when().post(freshLink).then().statusCode(403).body(containsString("链接无效"));

        for (int ask = 1; ask <= 3; ask++) {
            TestTokens.anonymous().contentType(ContentType.URLENC).formParams(fields).when().post(freshLink)
                    .then().statusCode(202).contentType("text/html").body(containsString("新链接已发送"));
        }
        TestTokens.anonymous().contentType(ContentType.URLENC).formParams(fields).when().post(freshLink)
                .then().statusCode(429).contentType("text/html").body(containsString("上限"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(JTYSJ).size() == 4);
        Set<String> firstRecipients = recipients(first);
        for (MimeMessage resent : mailsTo(JTYSJ).subList(1, 4)) {
            assertThat(recipients(resent)).as("only the unit's registered contacts").isEqualTo(firstRecipients);
            String fresh = pageLink(HuzhouDigestsTest.text(resent), id);
            AcknowledgementLinkTest.open(fresh).statusCode(200).body(containsString("签收"));
        }
        assertThat(AcknowledgementLinkTest.acknowledgedAt(id)).as("asking for a link acknowledges nothing").isNull();
    }

    @Test
    void noEnglishWordInWhatPeopleReadInMailsPagesAndWebhookTexts() throws Exception {
        HuzhouPlanFixture.ensureImported();
        List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LoopbackReceiver receiver = LoopbackReceiver.start(r -> {
            bodies.add(new String(r.body(), StandardCharsets.UTF_8));
            return LoopbackReceiver.Reply.of(204);
        })) {
            given().contentType("application/json").body(Map.of("url",
                            receiver.url(TestHostResolver.RECEIVER, "/hook"), "unitId", WJW.toString(),
                            "secret", "a-webhook-secret-of-32-characters"))
                    .when().post("/api/v1/notifications/webhooks").then().statusCode(201);
            String id = digestOf(WJW, WEBHOOK_DAY);
            await().atMost(Duration.ofSeconds(30)).until(() -> !bodies.isEmpty());
            Set<String> data = planTexts();
            List<String> english = new ArrayList<>();

            // the webhook's texts meant for people: its title and text (the rest is data: codes, ISO dates, ids)
            JsonNode body = JSON.readTree(bodies.get(0));
            english.addAll(words("webhook title", body.path("title").asText(), data));
            english.addAll(words("webhook text", body.path("text").asText(), data));
            assertThat(body.path("text").asText()).contains("已逾期 16 个工作日");

            // every page a person can reach from a mail: the digest, acknowledged, refused, expired, fresh link
            String link = pageLink(HuzhouDigestsTest.text(mailsTo(WJW, WEBHOOK_DAY).get(0)), id);
            Map<String, String> fields = AcknowledgementLinkTest.query(URI.create(link));
            english.addAll(words("page", html(AcknowledgementLinkTest.open(link).extract().asString()), data));
            english.addAll(words("acknowledged page", html(TestTokens.anonymous().contentType(ContentType.URLENC)
                    .formParams(fields).when().post("/api/v1/notifications/" + id + "/ack/confirm")
                    .then().extract().asString()), data));
            english.addAll(words("tampered page", html(AcknowledgementLinkTest.open(
                    link.replace("token=", "token=0")).statusCode(403).extract().asString()), data));
            String expired = signed(UUID.fromString(id), WJW, Instant.now().minusSeconds(5));
            english.addAll(words("expired page", html(AcknowledgementLinkTest.open(expired).statusCode(410)
                    .extract().asString()), data));
            english.addAll(words("fresh-link page", html(TestTokens.anonymous().contentType(ContentType.URLENC)
                    .formParams(AcknowledgementLinkTest.query(URI.create(expired)))
                    .when().post("/api/v1/notifications/" + id + "/ack/fresh-link").then().statusCode(202)
                    .extract().asString()), data));
            english.addAll(words("still-valid page", html(TestTokens.anonymous().contentType(ContentType.URLENC)
                    .formParams(fields).when().post("/api/v1/notifications/" + id + "/ack/fresh-link")
                    .then().statusCode(409).extract().asString()), data));

            // every mail GreenMail caught so far, from this class and every other that ran before it
            MimeMessage[] caught = SmtpTestResource.smtp().getReceivedMessages();
            assertThat(caught).isNotEmpty();
            for (MimeMessage mail : caught) {
                String where = "mail «" + mail.getSubject() + "»";
                english.addAll(words(where + " subject", mail.getSubject(), data));
                english.addAll(words(where, readable(mail), data));
            }
            assertThat(english).as("English words people would read").isEmpty();
        }
    }

    /** The day's digest of {@code unit}, made by the day's run (idempotent). */
    static String digestOf(UUID unit) throws Exception {
        return digestOf(unit, DAY);
    }

    /** The digest of {@code unit} on {@code day}, made by the day's run (idempotent), once its mail has arrived. */
    static String digestOf(UUID unit, String day) throws Exception {
        HuzhouPlanFixture.ensureImported();
        given().contentType("application/json").body(Map.of("date", day))
                .when().post("/api/v1/notifications/runs").then().statusCode(200);
        String id = given().queryParam("unitId", unit).when().get("/api/v1/notifications").then().statusCode(200)
                .extract().path("items.find { it.date == '" + day + "' }.id");
        assertThat(id).as("%s has a digest on %s", HuzhouPlanFixture.code(unit), day).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(unit, day).isEmpty());
        return id;
    }

    static List<MimeMessage> mailsTo(UUID unit) throws Exception {
        return mailsTo(unit, DAY);
    }

    static List<MimeMessage> mailsTo(UUID unit, String day) throws Exception {
        return HuzhouDigestsTest.messagesTo(SmtpTestResource.smtp(), HuzhouPlanFixture.code(unit) + "@huzhou.test",
                day);
    }

    /** The page link a mail carries (the first link to the digest's page, without a page or place on it). */
    static String pageLink(String mail, String digestId) {
        Matcher link = Pattern.compile("http://localhost:8080(/api/v1/notifications/" + digestId
                + "/ack\\?v=[0-9]+&(?:amp;)?exp=[0-9]+&(?:amp;)?token=[0-9a-zA-Z_-]+)(?![&#0-9a-zA-Z_-])").matcher(mail);
        assertThat(link.find()).as("the mail carries its page link").isTrue();
        return link.group(1).replace("&amp;", "&");
    }

    /** The item codes on a rendered page, in order. */
    static List<String> codesOn(String page) {
        List<String> codes = new ArrayList<>();
        Matcher code = Pattern.compile("<li class=\"item [a-z]+\" id=\"item-[0-9]+\">\\s*<div><span class=\"light\">"
                + "[^<]*</span> [0-9]+\\. 【([^】]+)】").matcher(page);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }

    /** A link to the digest's page signed as the service signs it, expiring at {@code expires}. */
    static String signed(UUID digestId, UUID unit, Instant expires) throws Exception {
        long version = HuzhouPlanFixture.count("SELECT link_version FROM unit_info WHERE id = '" + unit + "'");
        String secret = ConfigProvider.getConfig().getValue("notifications.ack-secret", String.class);
        LinkSignatures signatures = LinkSignatures.withSecret(Optional.of(secret), "NOTIFICATIONS_ACK_SECRET");
        return "/api/v1/notifications/" + digestId + "/ack?v=" + version + "&exp=" + expires.getEpochSecond()
                + "&token=" + signatures.sign(new LinkSignatures.SignedLink("digest-acknowledgement", digestId,
                version, expires));
    }

    private static Set<String> recipients(MimeMessage mail) throws Exception {
        Set<String> addresses = new HashSet<>();
        for (Address address : mail.getAllRecipients()) {
            addresses.add(address.toString());
        }
        return addresses;
    }

    /** A mail's text part and its HTML part as read, one after the other. */
    private static String readable(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof MimeMultipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(readable(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return part.isMimeType("text/html") ? html(content.toString()) : content.toString();
    }

    private static String html(String page) {
        return ReadableText.ofHtml(page);
    }

    private static List<String> words(String where, String text, Set<String> data) {
        return ReadableText.latinWords(text, data).stream().map(w -> where + ": " + w).toList();
    }

    /** The plan's own words in every digest (titles, codes, deadlines, unit names): data, not the product's wording. */
    private static Set<String> planTexts() {
        Set<String> texts = new HashSet<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> digests = given().queryParam("page", page).queryParam("size", 200)
                    .when().get("/api/v1/notifications").then().statusCode(200).extract().path("items");
            if (digests.isEmpty()) {
                return texts;
            }
            for (Map<String, Object> digest : digests) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> items = (List<Map<String, Object>>) digest.get("items");
                for (Map<String, Object> item : items) {
                    Arrays.asList("title", "code", "deadlineText", "aboutUnitName")
                            .forEach(field -> texts.add((String) item.get(field)));
                }
            }
        }
    }
}
